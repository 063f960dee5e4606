// The NBD listener: every volume exported to real block tools (qemu-img, qemu-io, nbdcopy,
// nbdinfo) on GRAINLINE_NBD_PORT (10809, the protocol's registered port), bound to loopback
// unless GRAINLINE_NBD_HOST says otherwise. Exports and access: grainline-exports.ts.
import net from 'node:net';
import type { Runtime } from '../runtime';
import { serveConnection } from './connection';
import { grainlineExports } from './grainline-exports';

export interface NbdServer {
  port: number;
  close(): Promise<void>;
}

export async function startNbdServer(runtime: Runtime, host: string, port: number): Promise<NbdServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const peer = { address: socket.remoteAddress ?? 'unknown' };
    void serveConnection(socket, grainlineExports(runtime, peer), (error) =>
      runtime.log.warn({ err: error, nbd: peer.address }, 'NBD connection ended by an error'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
