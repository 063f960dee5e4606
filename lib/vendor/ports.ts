// The node's vendor ports: SVC REST (GRAINLINE_SVC_PORT), the SVC CLI over SSH
// (GRAINLINE_SVC_SSH_PORT) and NBD (GRAINLINE_NBD_PORT on GRAINLINE_NBD_HOST). Every node listens,
// primary or backup (issue #13): while this node runs the engine a connection is served here;
// otherwise it is relayed to the primary (lib/cluster/vendor-relay.ts). A port already taken is
// logged and that surface stays off: the console still starts.
import net from 'node:net';
import { nbdHost, nbdPort, svcRestPort, svcSshPort } from '../config';
import type { Logger } from '../log';
import type { VendorSurface } from './start';

/** Serves a connection here (the engine runs on this node) or relays it to the primary. */
export type RouteConnection = (surface: VendorSurface, socket: net.Socket) => void;

/** The ports a node listens on (null: off, or the port was taken), as /api/cluster shows them. */
export interface VendorPortNumbers {
  svcRest: number | null;
  svcSsh: number | null;
  nbd: number | null;
}

export const NO_VENDOR_PORTS: VendorPortNumbers = { svcRest: null, svcSsh: null, nbd: null };

export interface VendorPorts {
  ports: VendorPortNumbers;
  close(): Promise<void>;
}

const SETTINGS: Record<VendorSurface, { key: keyof VendorPortNumbers; variable: string; port: () => number; host: () => string | undefined; what: string }> = {
  'svc-rest': { key: 'svcRest', variable: 'GRAINLINE_SVC_PORT', port: svcRestPort, host: () => undefined, what: 'the SVC REST API' },
  'svc-ssh': { key: 'svcSsh', variable: 'GRAINLINE_SVC_SSH_PORT', port: svcSshPort, host: () => undefined, what: 'the SVC CLI over SSH' },
  nbd: { key: 'nbd', variable: 'GRAINLINE_NBD_PORT', port: nbdPort, host: nbdHost, what: 'the NBD server' },
};

function listen(server: net.Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

export async function openVendorPorts(log: Logger, route: RouteConnection): Promise<VendorPorts> {
  const servers: net.Server[] = [];
  const open = new Set<net.Socket>();
  const ports: VendorPortNumbers = { ...NO_VENDOR_PORTS };
  for (const surface of Object.keys(SETTINGS) as VendorSurface[]) {
    const setting = SETTINGS[surface];
    const wanted = setting.port();
    if (wanted === 0) continue;
    const server = net.createServer((socket) => {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      socket.on('error', () => socket.destroy());
      route(surface, socket);
    });
    try {
      ports[setting.key] = await listen(server, wanted, setting.host());
      servers.push(server);
    } catch (error) {
      log.error({ err: error, port: wanted }, `${setting.what} could not listen (${setting.variable}; 0 turns it off)`);
    }
  }
  return {
    ports,
    async close() {
      for (const socket of open) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
