// Who is asking: HTTP Basic on every /devmgr/v2 request, as the SANtricity Ansible modules send it
// (preemptively, no session), checked against Grainline's users with the console's sign-in throttle.
// Reading needs any role; a POST or DELETE changes storage and needs an operator or admin.
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../auth/principal';
import { roleMay } from '../../auth/roles';
import type { Runtime } from '../../runtime';
import { checkCredentials } from '../credentials';
import { SantricityError } from './errors';

const REALM = 'Grainline SANtricity Web Services';
const CHALLENGE = { 'www-authenticate': `Basic realm="${REALM}", charset="UTF-8"` };

export interface BasicCredentials {
  username: string;
  password: string;
}

function unauthorized(message: string): SantricityError {
  return new SantricityError(401, 'notAuthorized', message, 'webservice', CHALLENGE);
}

/** The Basic credentials of the request, null when there are none, or a 401 when they are unreadable. */
export function basicCredentialsOf(req: IncomingMessage): BasicCredentials | null {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) throw unauthorized('the Authorization header must be "Basic <base64 of user:password>"');
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unauthorized('the Basic credentials must be "user:password"');
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The signed-in principal, or a 401 (no or wrong credentials) or 429 (throttled) refusal. */
export async function authenticate(runtime: Runtime, credentials: BasicCredentials | null, address: string): Promise<Principal> {
  if (credentials === null) throw unauthorized('authentication required: send HTTP Basic credentials of a Grainline user');
  const check = await checkCredentials(runtime, credentials.username, credentials.password, address);
  if (check.ok) return check.principal;
  if (check.reason === 'throttled') {
    throw new SantricityError(429, 'tooManyRequests', check.message, 'webservice', { 'retry-after': String(check.retryAfterSeconds) });
  }
  throw unauthorized(check.message);
}

/** Refuses (403) a change asked by a role that may only look. */
export function authorize(principal: Principal, method: string): void {
  const changes = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  if (!changes || roleMay(principal.role, 'operate')) return;
  throw new SantricityError(403, 'forbidden', `your role (${principal.role}) may not change storage: ${method} needs an operator or admin`);
}
