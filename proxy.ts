// Next's proxy (the successor of middleware) runs before every page: a fresh CSP nonce per
// request, which Next stamps on its own scripts (read from the request's CSP header) and the root
// layout hands to next-themes; and the path, so a signed-out visitor returns to it after sign-in.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, NONCE_HEADER, PATH_HEADER } from './lib/security/csp';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || (process.env.GRAINLINE_TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https');
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== 'production', https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: API answers are JSON/bytes (their headers come from next.config.js), and static
  // assets (Next's own, and public/) carry no inline script.
  matcher: [
    { source: '/((?!api/|_next/static|_next/image|icon.svg|icon-192.png|icon-512.png|favicon.ico|apple-touch-icon.png|manifest.webmanifest|robots.txt).*)' },
  ],
};
