// Signing in from tests: a browser-like session (cookie + CSRF token) or an API token.
import { TEST_ADMIN } from './server';

export interface BrowserSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in like the browser does; returns the Cookie header to send and the CSRF token to echo. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<BrowserSession> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export function sessionHeaders(session: BrowserSession): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

export async function createTokenAs(baseUrl: string, session: BrowserSession, name: string, role?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sessionHeaders(session) },
    body: JSON.stringify({ name, ...(role ? { role } : {}) }),
  });
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

// Tokens live in the inventory, so one per data dir survives the restarts some tests do.
const adminTokens = new Map<string, string>();

/** An admin API token for the server on `dataDir`, created on first use. */
export async function adminToken(baseUrl: string, dataDir: string): Promise<string> {
  const known = adminTokens.get(dataDir);
  if (known) return known;
  const session = await signIn(baseUrl, TEST_ADMIN.username, TEST_ADMIN.password);
  const token = await createTokenAs(baseUrl, session, 'api tests');
  adminTokens.set(dataDir, token);
  return token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
