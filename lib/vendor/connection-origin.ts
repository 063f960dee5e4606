// Where a vendor-protocol connection really came from and which address it reached. A backup
// node relays SVC REST, SVC SSH and NBD connections to the primary (lib/cluster/vendor-relay.ts);
// on the primary such a socket's peer is the backup and its local address the primary's console
// port. The relay says the client's address and the address it reached, and the surfaces read
// them here, so audit lines, sign-in limits and the array chosen by address stay the client's.
import type net from 'node:net';
import { readableAddress } from '../auth/address';

export interface ConnectionOrigin {
  /** The client, as people read it (IPv4 without ::ffff:). */
  peerAddress: string;
  /** The address and port the client connected to. */
  localAddress: string | undefined;
  localPort: number;
}

/** Keyed by the relayed socket's remote address and port: wrappers (TLS, ssh2) report the same pair. */
const relayed = new Map<string, ConnectionOrigin>();

function keyOf(address: string | undefined, port: number | undefined): string | null {
  return address === undefined || port === undefined ? null : `${address}|${port}`;
}

/** Called for a relayed socket before a surface sees it; forgotten when the socket closes. */
export function rememberRelayedOrigin(socket: net.Socket, origin: ConnectionOrigin): void {
  const key = keyOf(socket.remoteAddress, socket.remotePort);
  if (key === null) return;
  relayed.set(key, origin);
  socket.once('close', () => relayed.delete(key));
}

/** Anything with a socket's address getters: a net.Socket, a TLSSocket, ssh2's connection info. */
export interface AddressedSocket {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
  localAddress?: string | undefined;
  localPort?: number | undefined;
}

/** The origin a relay gave this socket, if it came through one. */
export function relayedOriginOf(socket: AddressedSocket): ConnectionOrigin | undefined {
  const key = keyOf(socket.remoteAddress, socket.remotePort);
  return key === null ? undefined : relayed.get(key);
}

export function originOf(socket: AddressedSocket): ConnectionOrigin {
  const known = relayedOriginOf(socket);
  if (known !== undefined) return known;
  return { peerAddress: readableAddress(socket.remoteAddress ?? 'unknown'), localAddress: socket.localAddress, localPort: socket.localPort ?? 0 };
}
