// Who is asking: a bearer token (automation) or a session cookie (a browser), or nobody.
import { parse as parseCookies } from 'cookie';
import type { Db } from '../db/client';
import { ApiError } from '../http/api-error';
import type { HeaderReader } from './address';
import type { Role } from './roles';
import { resolveSession, SESSION_COOKIE } from './sessions';
import { recentlyResolvedToken, resolveToken, type ResolvedToken } from './tokens';

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  /** The session's synchronizer token; only browser sessions need CSRF protection. */
  csrfToken?: string;
  tokenId?: string;
  tokenName?: string;
}

export interface Credentials {
  authorization: string | null;
  cookie: string | null;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function tokenPrincipal(token: ResolvedToken): Principal {
  return { userId: token.user.id, username: token.user.username, role: token.user.role, via: 'token', tokenId: token.tokenId, tokenName: token.tokenName };
}

/**
 * The principal of a bearer token the host data path's cache holds (lib/auth/token-cache.ts),
 * found without a query or a hash; undefined when authenticate() must answer.
 */
export function cachedBearerPrincipal(credentials: Credentials, nowMs: number): Principal | undefined {
  const match = credentials.authorization === null ? null : BEARER.exec(credentials.authorization);
  const token = match === null ? undefined : recentlyResolvedToken(match[1] as string, nowMs);
  return token === undefined ? undefined : tokenPrincipal(token);
}

/**
 * Resolves credentials to a principal. A request that presents an Authorization header is judged by
 * it alone: a bad token is a 401, never a silent fall-back to whatever cookie came along.
 */
export async function authenticate(
  db: Db,
  sessionSecret: string,
  credentials: Credentials,
  options: { cachedTokens?: boolean } = {},
): Promise<Principal | null> {
  if (credentials.authorization !== null) {
    const match = BEARER.exec(credentials.authorization);
    if (!match) throw new ApiError(401, 'the Authorization header must be "Bearer <token>"');
    const token = await resolveToken(db, match[1] as string, new Date(), options.cachedTokens === true);
    if (!token) throw new ApiError(401, 'the API token is unknown, revoked or expired');
    return tokenPrincipal(token);
  }
  const cookieValue = credentials.cookie === null ? undefined : parseCookies(credentials.cookie)[SESSION_COOKIE];
  if (cookieValue === undefined || cookieValue === '') return null;
  const session = await resolveSession(db, sessionSecret, cookieValue);
  if (!session) return null;
  return {
    userId: session.user.id,
    username: session.user.username,
    role: session.user.role,
    via: 'session',
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
  };
}

export function credentialsOf(headers: HeaderReader): Credentials {
  return { authorization: headers.get('authorization'), cookie: headers.get('cookie') };
}
