// A fresh, migrated and seeded inventory on each of the two databases the server runs on — SQLite
// in a temporary directory and a database on an embedded PostgreSQL — for tests of hand-written SQL
// that must mean the same on both. Registers Vitest hooks; use inside a test file's top level.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './server';
import { startPostgres, type RunningPostgres } from './postgres';

export type TestDialect = 'sqlite' | 'postgresql';
export const TEST_DIALECTS: readonly TestDialect[] = ['sqlite', 'postgresql'];

/** The two databases' URLs, filled in before the file's tests run. */
export function bothDatabases(name: string): Record<TestDialect, string> {
  const urls: Record<TestDialect, string> = { sqlite: '', postgresql: '' };
  let dir: string;
  let postgres: RunningPostgres | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `grainline-${name}-`));
    urls.sqlite = `file:${path.join(dir, 'grainline.db')}`;
    postgres = await startPostgres({ port: await freePort() });
    urls.postgresql = await postgres.createDatabase(name.replace(/-/g, '_'));
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return urls;
}
