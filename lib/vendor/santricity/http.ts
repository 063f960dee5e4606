// SANtricity Web Services on the console's own HTTP server: /devmgr/utils/about (open) and
// /devmgr/v2/… (HTTP Basic), answered before Next sees the request. Order of checks: credentials
// (401/429), path (404), method (405), role (403), then the route, whose body and service calls
// may refuse (400/413/422/404). Every state-changing request is audited, refusals included.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PEER_HEADER, peerAddressOf } from '../../auth/address';
import { isStateChanging } from '../../auth/csrf';
import type { Principal } from '../../auth/principal';
import type { Runtime } from '../../runtime';
import { auditVendor } from '../credentials';
import { aboutDocument } from './about';
import { authenticate, authorize, basicCredentialsOf } from './auth';
import type { Reply } from './context';
import { badRequest, internalError, notFound, SantricityError, toSantricityError } from './errors';
import { allowOf, matchRoute, type RouteMethod } from './routes';

const PREFIX = '/devmgr/';
const ABOUT_PATH = '/devmgr/utils/about';
const API_VERSION_SEGMENT = 'v2';
const ABOUT_ALLOW = 'GET, HEAD, OPTIONS';

interface Target {
  /** As the client sent it, for the audit line. */
  raw: string;
  pathname: string;
  query: URLSearchParams;
}

/** Who asked, filled in as the request is checked, for the audit line. */
interface Asker {
  address: string;
  principal: Principal | null;
  claimedUser?: string;
}

// The request target is split by hand: new URL() would read "//devmgr/…" as a host name.
function targetOf(req: IncomingMessage): Target {
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
  return { raw, pathname, query: new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1)) };
}

function addressOf(req: IncomingMessage): string {
  const stamped = req.headers[PEER_HEADER];
  return typeof stamped === 'string' && stamped !== '' ? stamped : peerAddressOf(req);
}

function segmentsOf(pathname: string): string[] {
  try {
    return pathname
      .slice(PREFIX.length)
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
  } catch {
    throw badRequest(`the path ${pathname.slice(0, 200)} has a malformed percent-escape`);
  }
}

function answerAbout(runtime: Runtime, method: string): Reply {
  if (method === 'GET' || method === 'HEAD') return { status: 200, body: aboutDocument(runtime) };
  if (method === 'OPTIONS') return { status: 204, headers: { allow: ABOUT_ALLOW } };
  throw new SantricityError(405, 'methodNotAllowed', `${method} is not allowed on ${ABOUT_PATH}: it takes GET`, 'webservice', { allow: ABOUT_ALLOW });
}

async function answerApi(runtime: Runtime, req: IncomingMessage, target: Target, method: string, asker: Asker): Promise<Reply> {
  const segments = segmentsOf(target.pathname);
  if (segments[0] !== API_VERSION_SEGMENT) throw notFound(`no Web Services resource at ${target.pathname.slice(0, 200)}`);
  const credentials = basicCredentialsOf(req);
  asker.claimedUser = credentials?.username.slice(0, 128);
  const principal = await authenticate(runtime, credentials, asker.address);
  asker.principal = principal;
  const match = matchRoute(segments.slice(1));
  if (match === null) throw notFound(`no Web Services resource at ${target.pathname.slice(0, 200)}`);
  const allow = allowOf(match.methods);
  if (method === 'OPTIONS') return { status: 204, headers: { allow } };
  const handler = match.methods[(method === 'HEAD' ? 'GET' : method) as RouteMethod];
  if (handler === undefined)
    throw new SantricityError(405, 'methodNotAllowed', `${method} is not allowed on ${target.pathname.slice(0, 200)}: it takes ${allow}`, 'webservice', {
      allow,
    });
  authorize(principal, method);
  return handler({ runtime, req, params: match.params, query: target.query, principal, actor: { name: principal.username } });
}

function errorReply(runtime: Runtime, error: unknown, method: string, target: Target): Reply {
  let refusal = toSantricityError(error);
  if (refusal === null) {
    runtime.log.error({ err: error, method, url: target.raw.slice(0, 512) }, 'unhandled error in the SANtricity Web Services');
    refusal = internalError();
  }
  return { status: refusal.status, body: refusal.body(), message: refusal.message, headers: refusal.headers };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text); // Node sends no body for HEAD
}

async function serve(runtime: Runtime, req: IncomingMessage, res: ServerResponse, target: Target): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const asker: Asker = { address: addressOf(req), principal: null };
  let reply: Reply;
  try {
    reply = target.pathname === ABOUT_PATH ? answerAbout(runtime, method) : await answerApi(runtime, req, target, method, asker);
  } catch (error) {
    reply = errorReply(runtime, error, method, target);
  }
  if (isStateChanging(method)) {
    await auditVendor(runtime, {
      principal: asker.principal,
      claimedUser: asker.claimedUser,
      address: asker.address,
      method,
      path: target.raw,
      status: reply.status,
      message: reply.message,
    });
  }
  send(res, reply);
}

/**
 * Takes every request under /devmgr/ (true) and answers it asynchronously; anything else is left
 * to Next (false). server.ts calls it for each request before Next's handler.
 */
export function handleSantricity(runtime: Runtime, req: IncomingMessage, res: ServerResponse): boolean {
  const target = targetOf(req);
  if (!target.pathname.startsWith(PREFIX)) return false;
  serve(runtime, req, res, target).catch((error: unknown) => {
    runtime.log.error({ err: error }, 'could not answer a SANtricity Web Services request');
    send(res, errorReply(runtime, internalError(), req.method ?? 'GET', target));
  });
  return true;
}
