// Wraps every route handler: authenticate, check CSRF and the route's access class, await Next's
// params, map thrown errors to the contract's error shape, and put every state-changing request
// (refusals included) on the audit trail. A route cannot be written without saying who may call it.
import { ApiError } from './api-error';
import { jsonResponse } from './json';
import { findNode, getNode } from '../runtime';
import { ENGINE_ERROR_STATUS, isEngineError } from '../../engine/errors';
import { clientAddress, type RequestLike } from '../auth/address';
import { recordAudit } from '../auth/audit';
import { assertCsrf, isStateChanging } from '../auth/csrf';
import { authenticate, credentialsOf, type Principal } from '../auth/principal';
import { roleMay, type Access } from '../auth/roles';
import type { Actor } from '../services/run-command';

type Params = Record<string, string | string[]>;

export interface PublicContext {
  principal: Principal | null;
  address: string;
  /** A handler may name who the request claims to be (the username of a sign-in attempt) for the audit. */
  audit: { claimedUser?: string };
}

export interface SignedInContext extends PublicContext {
  principal: Principal;
  actor: Actor;
}

type Handler<P extends Params, C> = (request: Request, params: P, context: C) => Promise<Response>;

function logUnexpected(error: unknown, request: RequestLike): void {
  const runtime = findNode();
  const record = { err: error, method: request.method, url: request.url };
  if (runtime) runtime.log.error(record, 'unhandled error in route handler');
  else console.error('unhandled error in route handler', record);
}

/**
 * A unique constraint the database enforced (Prisma P2002): two requests raced for one name. The
 * error's class differs between Next's bundle and the server's, so it is recognised by its code.
 */
function uniqueConstraintOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'P2002') return null;
  const target = (error as { meta?: { target?: unknown } }).meta?.target;
  const fields = Array.isArray(target) ? target.filter((f): f is string => typeof f === 'string') : typeof target === 'string' ? [target] : [];
  return fields.filter((field) => field !== 'arrayId').join(' and ') || 'value';
}

/**
 * PostgreSQL keeps no NUL in text or jsonb (SQLite does): an id or name holding one was never
 * stored, so it is the client's text that is wrong, not the server.
 */
function isTextPostgresRefuses(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/.test(message);
}

export function toApiError(error: unknown, request: RequestLike): ApiError {
  if (error instanceof ApiError) return error;
  if (isEngineError(error)) {
    const details = error.reasons.length > 0 ? error.reasons : undefined;
    return new ApiError(ENGINE_ERROR_STATUS[error.kind], error.message, details);
  }
  const unique = uniqueConstraintOf(error);
  if (unique !== null) return new ApiError(409, `that ${unique} is already taken: another request created it first`);
  if (isTextPostgresRefuses(error)) return new ApiError(400, 'text may not contain NUL (U+0000) characters');
  logUnexpected(error, request);
  return new ApiError(500, 'internal error: the server logged the details');
}

export function errorResponseOf(error: ApiError): Response {
  const response = jsonResponse(
    { error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } },
    error.status,
    error.headers,
  );
  if (error.status === 429 && typeof error.details === 'object' && error.details !== null && 'retryAfterSeconds' in error.details) {
    response.headers.set('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
  }
  // A full engine queue (busy) drains within a save or two: clients may retry after a second.
  if (error.status === 503 && !response.headers.has('retry-after')) response.headers.set('retry-after', '1');
  return response;
}

export function errorResponse(error: unknown, request: Request): Response {
  return errorResponseOf(toApiError(error, request));
}

export function authorize(access: Access, principal: Principal | null): void {
  if (access === 'public') return;
  if (principal === null) throw new ApiError(401, 'sign in, or send "Authorization: Bearer <token>"');
  if (!roleMay(principal.role, access)) {
    const need = access === 'admin' ? 'an admin' : access === 'operate' ? 'an operator or admin' : 'a signed-in user';
    throw new ApiError(403, `your role (${principal.role}) may not do this: it needs ${need}`);
  }
}

function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

function wrap<P extends Params, C extends PublicContext>(access: Access, handler: Handler<P, C>, audited = true) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const ctx: PublicContext = { principal: null, address: clientAddress(request), audit: {} };
    let response: Response;
    let failure: ApiError | undefined;
    try {
      const runtime = getNode();
      ctx.principal = await authenticate(runtime.db, runtime.auth.sessionSecret, credentialsOf(request.headers));
      assertCsrf(request, ctx.principal);
      authorize(access, ctx.principal);
      const full = ctx.principal ? { ...ctx, actor: { name: ctx.principal.username } } : ctx;
      response = await handler(request, await context.params, full as C);
    } catch (error) {
      failure = toApiError(error, request);
      response = errorResponseOf(failure);
    }
    const runtime = findNode();
    if (runtime && audited && isStateChanging(request.method)) {
      await recordAudit(runtime.db, runtime.log, {
        principal: ctx.principal,
        claimedUser: ctx.audit.claimedUser,
        address: ctx.address,
        method: request.method,
        path: pathOf(request),
        status: response.status,
        message: failure?.message,
      });
    }
    return response;
  };
}

/** A route anyone may call (health, sign-in, first-run setup). */
export function publicRoute<P extends Params = Params>(handler: Handler<P, PublicContext>) {
  return wrap<P, PublicContext>('public', handler);
}

/** A route for signed-in users whose role holds `access`. */
export function route<P extends Params = Params>(access: Exclude<Access, 'public'>, handler: Handler<P, SignedInContext>) {
  return wrap<P, SignedInContext>(access, handler);
}

/**
 * A POST that only asks (POST /api/preview): its body is a question too big for a URL, and nothing
 * changes, so like a GET it is not on the audit trail (the console asks each time a review or a
 * dialog opens; auditing that would bury the changes people make).
 */
export function queryRoute<P extends Params = Params>(access: Exclude<Access, 'public'>, handler: Handler<P, SignedInContext>) {
  return wrap<P, SignedInContext>(access, handler, false);
}

type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteHandler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/**
 * Handlers for the methods a route file does not serve: 405 in the contract's error shape with an
 * Allow header (Next's own 405 has an empty body), and an OPTIONS naming only what the route takes
 * (Next's automatic OPTIONS would list these refusals too). A route file exports the ones it lacks:
 * `export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');`
 */
export function otherMethods(...served: RouteMethod[]): Record<RouteMethod | 'OPTIONS', RouteHandler> {
  const allow = [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse = publicRoute(async (request) => {
    throw new ApiError(405, `${request.method} is not allowed on ${new URL(request.url).pathname}: it takes ${served.join(', ')}`, undefined, { allow });
  });
  const options: RouteHandler = async () => new Response(null, { status: 204, headers: { allow } });
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
}
