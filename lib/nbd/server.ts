// The NBD server: every volume exported to real block tools (qemu-img, qemu-io, nbdcopy, nbdinfo).
// The node listens on GRAINLINE_NBD_PORT (10809, the protocol's registered port), bound to
// loopback unless GRAINLINE_NBD_HOST says otherwise (lib/vendor/ports.ts), and hands connections
// here. Exports and access: grainline-exports.ts.
import type net from 'node:net';
import { originOf } from '../vendor/connection-origin';
import type { Runtime } from '../runtime';
import { serveConnection } from './connection';
import { grainlineExports } from './grainline-exports';

export interface NbdServer {
  /** Serves one client connection (the node's NBD port, or a relay from a backup node). */
  accept(socket: net.Socket): void;
  close(): Promise<void>;
}

export function createNbdServer(runtime: Runtime): NbdServer {
  const sockets = new Set<net.Socket>();
  return {
    accept(socket) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      const peer = { address: originOf(socket).peerAddress };
      void serveConnection(socket, grainlineExports(runtime, peer), (error) =>
        runtime.log.warn({ err: error, nbd: peer.address }, 'NBD connection ended by an error'),
      );
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
