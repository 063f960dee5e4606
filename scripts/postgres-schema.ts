// Derives the PostgreSQL schema from prisma/schema.prisma (the one we edit) and generates its
// client. Prisma fixes the provider per schema and per generated client, so the same models are
// generated twice: lib/db/generated for SQLite, lib/db/generated-pg for PostgreSQL. Run by
// postinstall; `--check` only reports whether the derived file is up to date (no generation).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PROJECT_DIR = path.resolve(__dirname, '..');
export const SQLITE_SCHEMA = path.join(PROJECT_DIR, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join(PROJECT_DIR, 'prisma', 'postgresql', 'schema.prisma');

export function postgresSchemaOf(sqlite: string): string {
  const replaced = sqlite
    .replace(/output\s*=\s*"\.\.\/lib\/db\/generated"/, 'output     = "../../lib/db/generated-pg"')
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/grainline"');
  if (!replaced.includes('generated-pg') || !replaced.includes('"postgresql"')) {
    throw new Error('prisma/schema.prisma no longer has the generator output or datasource this script rewrites');
  }
  return `// Generated from prisma/schema.prisma by scripts/postgres-schema.ts: do not edit.\n${replaced}`;
}

function main(): void {
  const wanted = postgresSchemaOf(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error('prisma/postgresql/schema.prisma is stale: run `node --import tsx scripts/postgres-schema.ts`');
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  if (current !== wanted) fs.writeFileSync(POSTGRES_SCHEMA, wanted);
  execFileSync(process.execPath, [path.join(PROJECT_DIR, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', POSTGRES_SCHEMA], {
    cwd: PROJECT_DIR,
    stdio: 'inherit',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

if (require.main === module) main();
