// Where to go after signing in: only a path on this console, never another site (open redirect).
// The path is judged the way the browser will read it: resolved against an origin by the WHATWG URL
// parser, which drops tabs and newlines (so "/\t/evil.example" becomes "//evil.example", another host).
const PROBE_ORIGIN = 'https://console.invalid';

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('/signin') || path.startsWith('/setup')) return '/';
  return path;
}
