// IBM Spectrum Virtualize REST on its own HTTPS port (7443 unless GRAINLINE_SVC_PORT says
// otherwise): POST /rest/auth for a token, then POST /rest/<command>[/<object>] with the command's
// options as JSON. Tokens are Grainline sessions (same expiry, sign-out and audit).
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type net from 'node:net';
import { peerAddressOf } from '../../auth/address';
import { originOf, relayedOriginOf } from '../connection-origin';
import type { Principal } from '../../auth/principal';
import { createSession, resolveSession } from '../../auth/sessions';
import type { Runtime } from '../../runtime';
import { auditVendor, checkCredentials } from '../credentials';
import type { TlsPair } from '../tls';
import { chooseArray, hostNamesOf, namesOfAddress } from './array-choice';
import { invalidArgument, SvcError } from './errors';
import { optionsOfJson } from './invocation';
import type { SvcOutput } from './output';
import { runSvcCommand } from './run';

const BODY_BYTES_MAX = 1024 * 1024;
const PATH_PATTERN = /^\/rest(?:\/v1)?\/([A-Za-z0-9_]+)(?:\/([^/]+))?\/?$/;

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > BODY_BYTES_MAX) {
        reject(new HttpRefusal(413, `the request body is over ${BODY_BYTES_MAX} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument('the request body is not JSON');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function authenticate(runtime: Runtime, req: IncomingMessage, address: string): Promise<{ token: string }> {
  const username = header(req, 'x-auth-username') ?? '';
  const password = header(req, 'x-auth-password') ?? '';
  const check = await checkCredentials(runtime, username, password, address);
  await auditVendor(runtime, {
    principal: check.ok ? check.principal : null,
    claimedUser: username,
    address,
    method: 'POST',
    path: '/rest/auth',
    status: check.ok ? 200 : check.reason === 'throttled' ? 429 : 403,
    ...(check.ok ? {} : { message: check.message }),
  });
  if (!check.ok) {
    if (check.reason === 'throttled') throw new HttpRefusal(429, check.message, { 'retry-after': String(check.retryAfterSeconds) });
    throw new HttpRefusal(403, `authentication failed: ${check.message}`);
  }
  const session = await createSession(
    runtime.db,
    runtime.auth.sessionSecret,
    check.principal.userId,
    address,
    `svc-rest ${header(req, 'user-agent') ?? ''}`.trim(),
  );
  return { token: session.cookieValue };
}

async function principalOf(runtime: Runtime, req: IncomingMessage): Promise<Principal> {
  const token = header(req, 'x-auth-token');
  if (token === undefined || token === '') throw new HttpRefusal(403, 'send X-Auth-Token: a token from POST /rest/auth');
  const session = await resolveSession(runtime.db, runtime.auth.sessionSecret, token);
  if (session === null) throw new HttpRefusal(403, 'the token is unknown or expired: authenticate again with POST /rest/auth');
  return { userId: session.user.id, username: session.user.username, role: session.user.role, via: 'session', sessionId: session.sessionId };
}

function bodyOf(output: SvcOutput): unknown {
  switch (output.kind) {
    case 'concise':
      return output.rows;
    case 'detail':
      return output.row;
    case 'detail-list':
      return output.rows;
    case 'created':
      return { id: output.id, message: output.message };
    case 'done':
      return undefined;
  }
}

async function handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A connection a backup relayed carries its client's address (lib/vendor/connection-origin.ts).
  const address = relayedOriginOf(req.socket)?.peerAddress ?? peerAddressOf(req);
  const url = new URL(req.url ?? '/', 'https://svc.invalid');
  const match = PATH_PATTERN.exec(url.pathname);
  if (match === null) throw new HttpRefusal(404, `no such REST target: ${url.pathname} (POST /rest/auth, then POST /rest/<command>[/<object>])`);
  if (req.method !== 'POST') throw new HttpRefusal(405, `${req.method ?? ''} is not allowed: every SVC REST call is a POST`, { allow: 'POST' });
  const text = await readBody(req);
  const command = match[1] as string;
  if (command === 'auth') return send(res, 200, await authenticate(runtime, req, address));
  // Who asks before what is asked: a caller without a token learns nothing from the body's checks.
  const principal = await principalOf(runtime, req);
  const body = parseBody(text);
  let object: string | null = null;
  if (match[2] !== undefined) {
    try {
      object = decodeURIComponent(match[2]);
    } catch {
      throw invalidArgument('the object name in the URL does not decode');
    }
  }
  const array = await chooseArray(runtime, hostNamesOf(header(req, 'host')), () => {
    const reached = originOf(req.socket);
    return namesOfAddress(reached.localAddress, reached.localPort);
  });
  const result = await runSvcCommand({
    runtime,
    principal,
    address,
    array,
    invocation: { command, options: optionsOfJson(body), object },
    audit: { method: 'POST', path: url.pathname },
  });
  if (!result.ok) throw result.error;
  send(res, 200, bodyOf(result.output));
}

function answer(runtime: Runtime, req: IncomingMessage, res: ServerResponse): void {
  handle(runtime, req, res).catch((error: unknown) => {
    if (res.headersSent) return;
    if (error instanceof HttpRefusal) return send(res, error.status, error.message, error.headers);
    if (error instanceof SvcError) return send(res, error.status, error.message);
    runtime.log.error({ err: error, url: req.url }, 'unhandled error in the SVC REST API');
    send(res, 500, 'CMMVC5786E The action failed because the cluster is not in a stable state. (internal error: the server logged the details)');
  });
}

export interface SvcRestServer {
  /** Serves one client connection, TLS and all (the node's SVC port, or a relay from a backup node). */
  accept(socket: net.Socket): void;
  close(): Promise<void>;
}

export function createSvcRest(runtime: Runtime, tls: TlsPair): SvcRestServer {
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => answer(runtime, req, res));
  server.on('clientError', (_error, socket) => socket.destroy());
  // The port belongs to the node (lib/vendor/ports.ts), so this server never listens itself; Node
  // starts its connection tracking (header and request timeouts, closeAllConnections) on 'listening'.
  server.emit('listening');
  return {
    accept: (socket) => server.emit('connection', socket),
    close: async () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
