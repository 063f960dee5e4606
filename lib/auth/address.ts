// "From where" for the audit log and the per-address sign-in limit. server.ts stamps the TCP peer
// (or, behind a trusted proxy, the first X-Forwarded-For hop) into this header and drops any copy
// a client sent, so route handlers can trust it.
import type { IncomingMessage } from 'node:http';
import { takeForwardedPeer } from '../cluster/forwarded-peer';

export const PEER_HEADER = 'x-grainline-peer';

let trustsProxy: boolean | undefined;

/** GRAINLINE_TRUST_PROXY, read once: it is set before the server starts, and env reads are slow. */
export function trustProxy(): boolean {
  if (trustsProxy === undefined) {
    const value = process.env.GRAINLINE_TRUST_PROXY;
    trustsProxy = value === '1' || value === 'true';
  }
  return trustsProxy;
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; people read it as a.b.c.d. */
export function readableAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice('::ffff:'.length) : address;
}

export function peerAddressOf(req: IncomingMessage): string {
  if (trustProxy()) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return readableAddress(first);
  }
  return readableAddress(req.socket.remoteAddress ?? 'unknown');
}

/** What the checks read of a request's headers: a Web Headers object, or server.ts's data path's reader over Node's. */
export type HeaderReader = Pick<Headers, 'get'>;

/** What the checks read of a request: route handlers pass Next's Request, server.ts's data path a plain object. */
export interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
}

/** Called by server.ts for every HTTP request before Next sees it. */
export function stampPeerAddress(req: IncomingMessage, clusterSecret: string | null = null): void {
  // A command a backup node forwarded carries its browser's address, signed (lib/cluster).
  const forwarded = takeForwardedPeer(req.headers, clusterSecret, req.method ?? 'GET', req.url ?? '/');
  req.headers[PEER_HEADER] = forwarded ?? peerAddressOf(req);
}

export function clientAddress(request: RequestLike): string {
  return request.headers.get(PEER_HEADER) ?? 'unknown';
}

/** Whether the browser reached us over https (directly, or through a trusted proxy). */
export function isHttps(request: RequestLike): boolean {
  if (process.env.GRAINLINE_SECURE_COOKIES === '1') return true;
  if (trustProxy() && request.headers.get('x-forwarded-proto') === 'https') return true;
  return new URL(request.url).protocol === 'https:';
}
