// Resolved API tokens, kept for a moment for the host data path: a host writing flat out presents
// its token thousands of times a second, and each lookup is a database query (issue #16).
// Management requests never read it. An entry lives TOKEN_CACHE_MS; revoking a token, or changing
// or deleting a user, through this server clears the cache at once (forgetResolvedTokens), so the
// next write with a revoked token is refused; a change made behind the server's back (another
// process editing the inventory) reaches the data path within TOKEN_CACHE_MS. The cache sits on
// globalThis so Next's route handlers and server.ts's data path (two module graphs) share it.
// Entries are keyed by the secret itself, not its hash: the hash per request was the data path's
// largest share of authentication, and the secret is in this process's memory with every request
// that presents it anyway.
export const TOKEN_CACHE_MS = 2_000;
const CACHE_KEY = Symbol.for('grainline.token-cache');

interface Entry<T> {
  value: T;
  cachedAtMs: number;
  /** The token's own expiry, which the cache must not outlive. */
  expiresAtMs: number | null;
}

type CacheHolder = { [CACHE_KEY]?: Map<string, Entry<unknown>> };

function cache(): Map<string, Entry<unknown>> {
  const holder = globalThis as CacheHolder;
  holder[CACHE_KEY] ??= new Map();
  return holder[CACHE_KEY];
}

export function cachedToken<T>(secret: string, nowMs: number): T | undefined {
  const entry = cache().get(secret);
  if (entry === undefined) return undefined;
  if (nowMs - entry.cachedAtMs >= TOKEN_CACHE_MS || (entry.expiresAtMs !== null && entry.expiresAtMs <= nowMs)) {
    cache().delete(secret);
    return undefined;
  }
  return entry.value as T;
}

export function cacheToken<T>(secret: string, value: T, nowMs: number, expiresAtMs: number | null): void {
  cache().set(secret, { value, cachedAtMs: nowMs, expiresAtMs });
}

/** After a token is revoked or a user changes: every token is looked up again. */
export function forgetResolvedTokens(): void {
  cache().clear();
}
