// Applies the committed migrations.
// - SQLite: Prisma's own `migrate deploy` (prisma/migrations), offline through the JavaScript
//   schema engine configured in prisma.config.ts.
// - PostgreSQL: `migrate deploy` does not work through the pg adapter (DESIGN.md, prisma/orm#27403),
//   so prisma/postgresql/migrations are applied here, each in its own transaction, with our own
//   ledger of applied names. Several nodes may start at once: an advisory lock makes them take turns.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dialectOf } from './dialect';

const run = promisify(execFile);

/** Any constant shared by every node: the key of the advisory lock migrations are applied under. */
const MIGRATION_LOCK_KEY = 0x6772_6169;
const LEDGER = '_grainline_migrations';

export async function applyMigrations(databaseUrl: string, projectDir = process.cwd()): Promise<string> {
  if (dialectOf(databaseUrl) === 'postgresql') return applyPostgresMigrations(databaseUrl, path.join(projectDir, 'prisma', 'postgresql', 'migrations'));
  const cli = path.join(projectDir, 'node_modules', 'prisma', 'build', 'index.js');
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    timeout: 120_000,
  });
  return stdout;
}

export async function applyPostgresMigrations(databaseUrl: string, migrationsDir: string): Promise<string> {
  const names = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${LEDGER}"`)).rows.map((r) => [r.name, r.checksum]),
    );
    for (const name of names) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const recorded = done.get(name);
      if (recorded !== undefined) {
        // An applied migration edited afterwards would leave databases that differ for the same name.
        if (recorded !== checksum) throw new Error(`migration ${name} was changed after it was applied to this database`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "${LEDGER}" (name, checksum) VALUES ($1, $2)`, [name, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied.length === 0 ? 'No pending migrations to apply.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}`;
}
