// The Content-Security-Policy the console runs under. Scripts: only Next's own, by per-request
// nonce ('strict-dynamic' lets them load their chunks). Styles allow inline because React renders
// style attributes (progress bar widths, virtual-table offsets) and Radix positions popovers with
// them; there is no script-injection path through a style attribute.
export const NONCE_HEADER = 'x-nonce';
export const PATH_HEADER = 'x-grainline-path';

export interface PolicyOptions {
  /** Next's dev server evaluates modules with eval for fast refresh. */
  dev: boolean;
  https: boolean;
}

export function contentSecurityPolicy(nonce: string, options: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // socket.io: same origin, over WebSocket (CSP3 'self' covers ws/wss of this host).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
