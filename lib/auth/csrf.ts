// CSRF defence for cookie-authenticated writes: the synchronizer token (kept in the session row,
// echoed by the page in x-csrf-token) and, for any browser request, an Origin that matches the host.
// Bearer-token requests carry no ambient credential, so they need no CSRF token; the Origin rule
// still applies to any request that sends an Origin (a page elsewhere has no business writing here).
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/api-error';
import { isHttps, trustProxy, type RequestLike } from './address';
import type { Principal } from './principal';

import { CSRF_HEADER } from '../client/auth-constants';

export { CSRF_HEADER };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Browsers send Origin on cross-origin and on all non-GET requests; a mismatch is a forged request. */
export function assertSameOrigin(request: RequestLike): void {
  const origin = request.headers.get('origin');
  if (origin === null) return; // not a browser (curl, scripts): nothing ambient to abuse
  const host = (trustProxy() ? request.headers.get('x-forwarded-host') : null) ?? request.headers.get('host');
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    throw new ApiError(403, 'cross-site request refused: unreadable Origin header');
  }
  // Scheme, host and port: http://console is another origin than https://console.
  const scheme = isHttps(request) ? 'https:' : 'http:';
  if (host === null || originUrl.host !== host || originUrl.protocol !== scheme)
    throw new ApiError(403, `cross-site request refused: Origin ${origin} is not this console`);
}

export function assertCsrf(request: RequestLike, principal: Principal | null): void {
  if (!isStateChanging(request.method)) return;
  assertSameOrigin(request);
  if (principal?.via !== 'session') return;
  const sent = request.headers.get(CSRF_HEADER);
  if (sent === null || principal.csrfToken === undefined || !sameText(sent, principal.csrfToken)) {
    throw new ApiError(403, 'missing or wrong CSRF token: reload the page and try again');
  }
}
