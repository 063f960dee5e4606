// The surfaces that speak their own protocols on ports of their own: the SVC REST API (HTTPS),
// the SVC CLI (SSH) and NBD for block tools. They run beside the engine (on the primary in a
// cluster); the node owns the ports (ports.ts) and hands each connection to them, or relays it
// to the primary. (SANtricity Web Services need no port: the console's own server answers /devmgr.)
import type net from 'node:net';
import { createNbdServer } from '../nbd/server';
import type { Runtime } from '../runtime';
import { createSvcRest } from './svc/rest-server';
import { createSvcSsh } from './svc/ssh-server';
import { loadOrCreateSshHostKey, loadOrCreateTls } from './tls';

export const VENDOR_SURFACES = ['svc-rest', 'svc-ssh', 'nbd'] as const;
export type VendorSurface = (typeof VENDOR_SURFACES)[number];

export function isVendorSurface(name: string): name is VendorSurface {
  return (VENDOR_SURFACES as readonly string[]).includes(name);
}

export interface VendorSurfaces {
  /** Serves one client connection on the surface it came to. */
  accept(surface: VendorSurface, socket: net.Socket): void;
  close(): Promise<void>;
}

interface SurfaceServer {
  accept(socket: net.Socket): void;
  close(): Promise<void>;
}

/** A surface that cannot start (its key unreadable, say) is logged and stays off: the console still starts. */
async function startOne(runtime: Runtime, surface: VendorSurface, create: () => Promise<SurfaceServer> | SurfaceServer): Promise<SurfaceServer | null> {
  try {
    return await create();
  } catch (error) {
    runtime.log.error({ err: error, surface }, 'a vendor surface could not start; its connections are closed');
    return null;
  }
}

export async function startVendorSurfaces(runtime: Runtime, dataDir: string): Promise<VendorSurfaces> {
  // Keys from the data directory: every node of a cluster shares it, so a client that pinned the
  // certificate or host key sees the same one after a takeover.
  const servers: Record<VendorSurface, SurfaceServer | null> = {
    'svc-rest': await startOne(runtime, 'svc-rest', async () => createSvcRest(runtime, await loadOrCreateTls(dataDir))),
    'svc-ssh': await startOne(runtime, 'svc-ssh', () => createSvcSsh(runtime, loadOrCreateSshHostKey(dataDir))),
    nbd: await startOne(runtime, 'nbd', () => createNbdServer(runtime)),
  };
  return {
    accept: (surface, socket) => {
      const server = servers[surface];
      if (server === null) socket.destroy();
      else server.accept(socket);
    },
    close: async () => {
      await Promise.all(Object.values(servers).map((server) => server?.close()));
    },
  };
}
