// Starts the real console (server.ts, production build) on a free port with a fresh data dir,
// for API integration tests and Playwright. Nothing is mocked: the same process `npm start` runs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from './postgres';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 120_000;

export interface RunningServer {
  baseUrl: string;
  port: number;
  /** The SVC REST API's HTTPS port (a free one unless the test asked for GRAINLINE_SVC_PORT). */
  svcPort: number;
  /** The SVC CLI's SSH port. */
  sshPort: number;
  /** NBD (a free port unless the test asked for GRAINLINE_NBD_PORT). */
  nbdPort: number;
  dataDir: string;
  /** The inventory it runs on: SQLite in dataDir, or a fresh PostgreSQL database (tests/support/vitest-postgres.ts). */
  databaseUrl: string;
  process: ChildProcess;
  logs: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitHealthy(baseUrl: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${logs()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy within ${START_TIMEOUT_MS} ms:\n${logs()}`);
}

/** The admin every test server starts with (GRAINLINE_ADMIN_USER/PASSWORD); setup tests pass env to drop it. */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password-1' } as const;

export interface StartOptions {
  port?: number;
  dataDir?: string;
  env?: Record<string, string>;
}

/**
 * SQLite in the data dir, unless the run is on PostgreSQL: then a fresh database per server, so
 * restarting a server on the same data dir means passing its databaseUrl back in `env`.
 */
async function testDatabaseUrl(dataDir: string): Promise<string> {
  const adminUrl = process.env.GRAINLINE_TEST_PG_ADMIN_URL;
  if (adminUrl === undefined || adminUrl === '') return `file:${path.join(dataDir, 'grainline.db')}`;
  return ensureDatabase(
    adminUrl,
    `grainline_${path
      .basename(dataDir)
      .replace(/[^a-zA-Z0-9]/g, '_')
      .toLowerCase()}`,
  );
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  // Each server gets its own vendor ports, so suites running side by side do not fight over 7443.
  const svcPort = Number(options.env?.GRAINLINE_SVC_PORT ?? (await freePort()));
  const sshPort = Number(options.env?.GRAINLINE_SVC_SSH_PORT ?? (await freePort()));
  const nbdPort = Number(options.env?.GRAINLINE_NBD_PORT ?? (await freePort()));
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-test-'));
  const databaseUrl = options.env?.DATABASE_URL ?? (await testDatabaseUrl(dataDir));
  // tsx as a loader inside the server's own process, not the tsx CLI: the CLI relays SIGTERM and
  // SIGKILLs a child whose event loop is busy for more than ~60 ms, which breaks graceful shutdown.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      GRAINLINE_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      GRAINLINE_ADMIN_USER: TEST_ADMIN.username,
      GRAINLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      GRAINLINE_SVC_PORT: String(svcPort),
      GRAINLINE_SVC_SSH_PORT: String(sshPort),
      GRAINLINE_NBD_PORT: String(nbdPort),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const logs = () => output;
  const baseUrl = `http://localhost:${port}`;
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      // Already gone (an exit code, or killed by a signal): nothing will emit 'exit' again.
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  try {
    await waitHealthy(baseUrl, child, logs);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return { baseUrl, port, svcPort, sshPort, nbdPort, dataDir, databaseUrl, process: child, logs, stop };
}
