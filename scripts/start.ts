// `npm start`: build when needed, then run the console (server.ts) in production mode.
// server.ts applies migrations and seeds the demo fleet into an empty inventory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';

const PROJECT_DIR = path.resolve(__dirname, '..');

buildIfNeeded();
// tsx as a loader in the server's own process (the tsx CLI would SIGKILL a busy server on SIGTERM).
const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  cwd: PROJECT_DIR,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
