// The one way the server opens the inventory database.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { databaseUrl } from '../config';

export type Db = PrismaClient;

export function openDb(url: string = databaseUrl()): Db {
  if (!url.startsWith('file:')) {
    throw new Error(`only SQLite (file:) DATABASE_URL is supported so far, got "${url.split(':')[0]}:"`);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
