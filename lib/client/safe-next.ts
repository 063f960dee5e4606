// Where to go after signing in: only a path on this console, never another site (open redirect).
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/signin') || next.startsWith('/setup')) return '/';
  return next;
}
