// Which database a DATABASE_URL names. SQLite is the embedded default; PostgreSQL is the shared
// inventory of several console nodes (seed 004's primary and backup Copy Services Servers).
export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(url: string): Dialect {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return 'postgresql';
  throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL), got "${url.split(':')[0]}:"`);
}
