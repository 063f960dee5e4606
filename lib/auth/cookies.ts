// Set-Cookie headers for a session: the sealed session id (httpOnly, SameSite=Lax so a link from a
// ticket still opens the console signed in) and the CSRF token the page must echo (SameSite=Strict,
// readable by the page's script). Both Secure when the console is reached over https.
import { serialize } from 'cookie';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_MAX_MS } from './sessions';

export function sessionCookies(cookieValue: string, csrfToken: string, secure: boolean): string[] {
  const maxAge = SESSION_MAX_MS / 1000;
  return [
    serialize(SESSION_COOKIE, cookieValue, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge }),
    serialize(CSRF_COOKIE, csrfToken, { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge }),
  ];
}

export function clearedCookies(secure: boolean): string[] {
  return [
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }),
    serialize(CSRF_COOKIE, '', { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge: 0 }),
  ];
}

export function withCookies(response: Response, cookies: string[]): Response {
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}
