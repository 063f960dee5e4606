// Starts the surfaces that have ports of their own: the SVC REST API (HTTPS), the SVC CLI (SSH),
// and NBD for block tools. A port already taken is logged and that surface stays off: the console still starts.
// (SANtricity Web Services need no port: the console's own server answers /devmgr.)
import { nbdHost, nbdPort, svcRestPort, svcSshPort } from '../config';
import { startNbdServer } from '../nbd/server';
import type { Runtime } from '../runtime';
import { startSvcRest } from './svc/rest-server';
import { startSvcSsh } from './svc/ssh-server';
import { loadOrCreateSshHostKey, loadOrCreateTls } from './tls';

export interface VendorSurfaces {
  svcRestPort: number | null;
  svcSshPort: number | null;
  nbdPort: number | null;
  close(): Promise<void>;
}

export async function startVendorSurfaces(runtime: Runtime, dataDir: string): Promise<VendorSurfaces> {
  const closers: (() => Promise<void>)[] = [];
  let restPort: number | null = null;
  let sshPort: number | null = null;
  const wantedRest = svcRestPort();
  if (wantedRest !== 0) {
    try {
      const rest = await startSvcRest(runtime, await loadOrCreateTls(dataDir), wantedRest);
      restPort = rest.port;
      closers.push(() => rest.close());
    } catch (error) {
      runtime.log.error({ err: error, port: wantedRest }, 'the SVC REST API could not listen (GRAINLINE_SVC_PORT; 0 turns it off)');
    }
  }
  const wantedSsh = svcSshPort();
  if (wantedSsh !== 0) {
    try {
      const ssh = await startSvcSsh(runtime, loadOrCreateSshHostKey(dataDir), wantedSsh);
      sshPort = ssh.port;
      closers.push(() => ssh.close());
    } catch (error) {
      runtime.log.error({ err: error, port: wantedSsh }, 'the SVC CLI over SSH could not listen (GRAINLINE_SVC_SSH_PORT; 0 turns it off)');
    }
  }
  let nbdListening: number | null = null;
  const wantedNbd = nbdPort();
  if (wantedNbd !== 0) {
    try {
      const nbd = await startNbdServer(runtime, nbdHost(), wantedNbd);
      nbdListening = nbd.port;
      closers.push(() => nbd.close());
    } catch (error) {
      runtime.log.error({ err: error, port: wantedNbd }, 'the NBD server could not listen (GRAINLINE_NBD_PORT; 0 turns it off)');
    }
  }
  return {
    svcRestPort: restPort,
    svcSshPort: sshPort,
    nbdPort: nbdListening,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
