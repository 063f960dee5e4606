// Vendor protocols on a backup node: a client's SVC REST (TLS), SVC SSH or NBD connection is
// relayed byte for byte to the primary, which runs the engine and answers it. The backup opens an
// HTTP Upgrade to the primary's console port (`GET /cluster/relay/<surface>`, no new port to
// publish) carrying the client's address and the address it reached, signed with the shared
// secret like a forwarded command's (forwarded-peer.ts); the primary hands the upgraded socket to
// the surface as if the client had connected there. TLS and SSH stay end to end: the keys are the
// shared data directory's, the same on every node. When the primary dies its relayed connections
// end, as a real server's would; the client reconnects and reaches the new primary.
import http, { type IncomingMessage } from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log';
import { originOf, rememberRelayedOrigin, type ConnectionOrigin } from '../vendor/connection-origin';
import { isVendorSurface, type VendorSurface, type VendorSurfaces } from '../vendor/start';
import { FORWARDED_BY_HEADER, signForwardedPeer, takeForwardedPeer } from './forwarded-peer';
import type { ForwardContext } from './forward';

export const RELAY_PATH_PREFIX = '/cluster/relay/';
const RELAY_PROTOCOL = 'grainline-relay';
const RETRY_POLL_MS = 200;
/** A primary that does not answer the upgrade within this is taken as gone (the next one is asked). */
const UPGRADE_TIMEOUT_MS = 10_000;

function relayPath(surface: VendorSurface, origin: ConnectionOrigin): string {
  const query = new URLSearchParams({ local: origin.localAddress ?? '', port: String(origin.localPort) });
  return `${RELAY_PATH_PREFIX}${surface}?${query.toString()}`;
}

function openRelay(
  primary: URL,
  surface: VendorSurface,
  origin: ConnectionOrigin,
  context: ForwardContext,
): Promise<{ upstream: net.Socket; head: Buffer } | null> {
  return new Promise((resolve) => {
    const path = relayPath(surface, origin);
    const request = http.request({
      hostname: primary.hostname,
      port: primary.port,
      path,
      method: 'GET',
      agent: false,
      timeout: UPGRADE_TIMEOUT_MS,
      headers: {
        connection: 'Upgrade',
        upgrade: RELAY_PROTOCOL,
        [FORWARDED_BY_HEADER]: context.nodeId,
        ...signForwardedPeer(context.secret, origin.peerAddress, 'GET', path),
      },
    });
    request.on('upgrade', (_answer, upstream: net.Socket, head: Buffer) => {
      upstream.setTimeout(0);
      resolve({ upstream, head });
    });
    // Not 101: the node is not (or not yet) the primary; ask again.
    request.on('response', (answer) => {
      answer.resume();
      resolve(null);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
    request.end();
  });
}

function splice(client: net.Socket, upstream: net.Socket, head: Buffer): void {
  if (head.length > 0) client.write(head);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('close', end);
  upstream.on('close', end);
  upstream.on('error', end);
  client.on('error', end);
  upstream.pipe(client);
  client.pipe(upstream);
}

/** A backup's answer to a vendor connection: relay it to the primary, waiting through a takeover. */
export function relayToPrimary(surface: VendorSurface, client: net.Socket, context: ForwardContext): void {
  // Until the relay is up the client's bytes wait in the socket (no 'data' listener yet).
  const origin = originOf(client);
  const deadline = Date.now() + context.waitMs;
  void (async () => {
    for (;;) {
      if (client.destroyed) return;
      const base = await context.primaryUrl().catch(() => null);
      if (base !== null) {
        const relay = await openRelay(new URL(base), surface, origin, context);
        if (relay !== null) {
          if (client.destroyed) relay.upstream.destroy();
          else splice(client, relay.upstream, relay.head);
          return;
        }
      }
      if (Date.now() >= deadline) {
        context.log.warn({ surface, client: origin.peerAddress }, 'no primary answered a relayed vendor connection; closing it');
        client.destroy();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_POLL_MS));
    }
  })();
}

export interface RelayAcceptor {
  /** The shared secret, or null when alone (a relay is then always refused). */
  secret: string | null;
  /** This node's surfaces while it runs the engine. */
  surfaces: () => VendorSurfaces | null;
  log: Logger;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/** The primary's side, from the HTTP server's 'upgrade' event; false when the path is not a relay's. */
export function acceptRelay(req: IncomingMessage, socket: Duplex, head: Buffer, acceptor: RelayAcceptor): boolean {
  const url = new URL(req.url ?? '/', 'http://relay.invalid');
  if (!url.pathname.startsWith(RELAY_PATH_PREFIX)) return false;
  const surface = url.pathname.slice(RELAY_PATH_PREFIX.length);
  const peer = takeForwardedPeer(req.headers, acceptor.secret, req.method ?? 'GET', req.url ?? '/');
  if (peer === null || !isVendorSurface(surface) || req.headers.upgrade !== RELAY_PROTOCOL) {
    refuse(socket, '403 Forbidden');
    return true;
  }
  const surfaces = acceptor.surfaces();
  if (surfaces === null) {
    refuse(socket, '503 Service Unavailable'); // not the primary (any more, or not yet)
    return true;
  }
  const raw = socket as net.Socket;
  raw.write(`HTTP/1.1 101 Switching Protocols\r\nconnection: Upgrade\r\nupgrade: ${RELAY_PROTOCOL}\r\n\r\n`);
  if (head.length > 0) raw.unshift(head);
  rememberRelayedOrigin(raw, {
    peerAddress: peer,
    localAddress: url.searchParams.get('local') || undefined,
    localPort: Number(url.searchParams.get('port') ?? 0) || 0,
  });
  acceptor.log.debug({ surface, client: peer, by: req.headers[FORWARDED_BY_HEADER] }, 'serving a relayed vendor connection');
  surfaces.accept(surface, raw);
  return true;
}
