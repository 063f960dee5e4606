// The one way the server opens the inventory database.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { PrismaClient as PostgresPrismaClient } from './generated-pg/client';
import { databaseUrl } from '../config';
import { dialectOf, type Dialect } from './dialect';
import { DurableSqliteAdapterFactory } from './sqlite-adapter';

/**
 * The inventory's client. Typed as the SQLite client: the PostgreSQL one is generated from the
 * same models (scripts/postgres-schema.ts), so its API is the same; only text search differs
 * (see `textContains`).
 */
export type Db = PrismaClient;

const dialects = new WeakMap<object, Dialect>();

export function openDb(url: string = databaseUrl()): Db {
  const dialect = dialectOf(url);
  const db =
    dialect === 'sqlite'
      ? new PrismaClient({ adapter: new DurableSqliteAdapterFactory({ url }) })
      : // Same models, other provider: the generated types differ only in provider-only options.
        (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db);
  dialects.set(db, dialect);
  return db;
}

export function dialectOfDb(db: Db): Dialect {
  return dialects.get(db) ?? 'sqlite';
}

/**
 * A "name contains" filter that ignores case on both databases: SQLite's LIKE already does for
 * ASCII, PostgreSQL needs `mode: 'insensitive'` (which the SQLite client's types do not have).
 */
export function textContains(db: Db, text: string): { contains: string } {
  return dialectOfDb(db) === 'postgresql' ? ({ contains: text, mode: 'insensitive' } as { contains: string }) : { contains: text };
}
