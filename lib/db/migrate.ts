// Applies the committed migrations (prisma/migrations) with Prisma's own `migrate deploy`,
// which runs offline through the JavaScript schema engine configured in prisma.config.ts.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function applyMigrations(databaseUrl: string, projectDir = process.cwd()): Promise<string> {
  const cli = path.join(projectDir, 'node_modules', 'prisma', 'build', 'index.js');
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    timeout: 120_000,
  });
  return stdout;
}
