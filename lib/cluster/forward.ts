// A backup node answers commands (and reads that need the engine) with the primary's answer: it
// forwards the request, as the browser sent it, to the node holding the engine lease.
//
// Never applied twice: a request is re-sent only when the primary cannot have acted on it — the
// connection was refused, or the node answered `not_primary` before touching anything. If the
// primary dies after it received a command, the backup does not re-send it: the command was
// either saved in full by the old primary or not at all, and the client is told the outcome is
// unknown (503 primary_lost) so it can look before retrying. Reads are idempotent and retried.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { FORWARDED_BY_HEADER, signForwardedPeer } from './forwarded-peer';
import { PEER_HEADER } from '../auth/address';

/** Bodies are buffered so a refused connection can be retried; the data path's largest write is 32 MiB. */
const MAX_FORWARDED_BODY_BYTES = 40 * 1024 * 1024;
const RETRY_POLL_MS = 200;
/** Headers about one connection, not the message (RFC 9110 §7.6.1): each hop sets its own. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

function withoutHopByHop<T extends Record<string, unknown>>(headers: T): T {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}
export const NOT_PRIMARY = 'not_primary';
export const SERVED_BY_HEADER = 'x-grainline-served-by';
const REFUSED_HEADER = 'x-grainline-refused';

export interface ForwardContext {
  nodeId: string;
  secret: string;
  log: Logger;
  /** The primary's base URL now, or null while nobody holds the lease. */
  primaryUrl: () => Promise<string | null>;
  /** How long a request waits for a primary (a takeover) before it is answered 503. */
  waitMs: number;
}

function sendError(res: ServerResponse, status: number, code: string, message: string, retryAfterS?: number, extra: http.OutgoingHttpHeaders = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...(retryAfterS !== undefined ? { 'retry-after': String(retryAfterS) } : {}), ...extra });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** The answer a node gives a forwarded request it cannot serve because it is not the primary. */
export function refuseNotPrimary(res: ServerResponse): void {
  sendError(res, 503, NOT_PRIMARY, 'this node is not the primary Copy Services Server', 1, { [REFUSED_HEADER]: NOT_PRIMARY });
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_FORWARDED_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

type Attempt = { kind: 'answered' } | { kind: 'retry' } | { kind: 'lost'; error: Error };

function attempt(target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer, context: ForwardContext): Promise<Attempt> {
  return new Promise((resolve) => {
    const peer = String(req.headers[PEER_HEADER] ?? 'unknown');
    const headers: http.OutgoingHttpHeaders = {
      ...withoutHopByHop(req.headers),
      ...signForwardedPeer(context.secret, peer, req.method ?? 'GET', req.url ?? '/'),
    };
    delete headers[PEER_HEADER];
    headers[FORWARDED_BY_HEADER] = context.nodeId;
    headers['content-length'] = String(body.length);
    let sent = false;
    const outgoing = http.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false }, (answer) => {
      // The old primary lost the lease after we looked it up: it did nothing; ask the new one.
      if (answer.statusCode === 503 && answer.headers[REFUSED_HEADER] === NOT_PRIMARY) {
        answer.resume();
        resolve({ kind: 'retry' });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => resolve({ kind: 'answered' }));
      answer.on('error', (error) => {
        res.destroy(error);
        resolve({ kind: 'answered' });
      });
    });
    outgoing.on('socket', (socket) => socket.on('connect', () => (sent = true)));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!sent || error.code === 'ECONNREFUSED') resolve({ kind: 'retry' });
      else resolve({ kind: 'lost', error });
    });
    outgoing.end(body);
  });
}

export async function forwardToPrimary(req: IncomingMessage, res: ServerResponse, context: ForwardContext): Promise<void> {
  const body = await readBody(req);
  if (body === null) {
    sendError(res, 413, 'payload_too_large', `a request forwarded to the primary may carry at most ${MAX_FORWARDED_BODY_BYTES} bytes`);
    return;
  }
  const idempotent = req.method === 'GET' || req.method === 'HEAD';
  const deadline = Date.now() + context.waitMs;
  for (;;) {
    const base = await context.primaryUrl().catch(() => null);
    if (base !== null) {
      const outcome = await attempt(new URL(base), req, res, body, context);
      if (outcome.kind === 'answered') return;
      if (outcome.kind === 'lost') {
        if (!idempotent) {
          context.log.warn({ err: outcome.error, method: req.method, url: req.url }, 'the primary stopped while handling a forwarded command');
          sendError(
            res,
            503,
            'primary_lost',
            'the primary Copy Services Server stopped while handling this request: it was either applied in full or not at all; look before retrying',
            1,
          );
          return;
        }
      }
    }
    // (req itself is destroyed once its body is read; whether the client is still there is the socket's.)
    if (Date.now() >= deadline || req.socket.destroyed) {
      sendError(res, 503, 'no_primary', 'no primary Copy Services Server is answering (a takeover may be under way); retry shortly', 1);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_POLL_MS));
  }
}
