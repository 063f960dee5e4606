// The inventory's SQLite connection is in WAL mode and syncs every commit (sqlite-adapter.ts):
// checked on the connection Prisma actually uses, and again after it reconnects (the level is per
// connection, and better-sqlite3's default for WAL would not sync commits).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './client';

/** SQLite's number for synchronous=FULL (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA). */
const SYNCHRONOUS_FULL = 2n;

let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-sqlite-adapter-'));
  db = openDb(`file:${path.join(dir, 'grainline.db')}`);
});

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pragmas(): Promise<{ journalMode: string; synchronous: bigint }> {
  const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
  const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>('PRAGMA synchronous');
  return { journalMode: mode!.journal_mode, synchronous: BigInt(sync!.synchronous) };
}

describe('the inventory SQLite connection', () => {
  it('writes ahead to a log and syncs it at every commit', async () => {
    expect(await pragmas()).toEqual({ journalMode: 'wal', synchronous: SYNCHRONOUS_FULL });
    await db.$executeRawUnsafe('CREATE TABLE probe (id INTEGER PRIMARY KEY)');
    await db.$executeRawUnsafe('INSERT INTO probe (id) VALUES (1)');
    expect(fs.existsSync(path.join(dir, 'grainline.db-wal'))).toBe(true);
  });

  it('keeps both after Prisma reconnects', async () => {
    await db.$disconnect();
    await db.$connect();
    expect(await pragmas()).toEqual({ journalMode: 'wal', synchronous: SYNCHRONOUS_FULL });
  });
});
