// Runs `next build` only when the sources changed since the last build: `npm start` stays fast
// on the second run and never serves a stale build.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PROJECT_DIR = path.resolve(__dirname, '..');
const STAMP = path.join(PROJECT_DIR, '.next', 'grainline-source-hash');
const INPUT_DIRS = ['app', 'components', 'lib', 'engine', 'public'];
const INPUT_FILES = ['next.config.js', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];
const MAX_FILES = 20_000;

function listFiles(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (out.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} source files under ${dir}`);
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (!entry.name.endsWith('.test.ts')) out.push(full);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) listFiles(path.join(PROJECT_DIR, dir), files);
  for (const file of INPUT_FILES) files.push(path.join(PROJECT_DIR, file));
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(PROJECT_DIR, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export function buildIfNeeded(): void {
  const wanted = sourceHash();
  const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
  if (built === wanted && fs.existsSync(path.join(PROJECT_DIR, '.next', 'BUILD_ID'))) {
    console.log('grainline: production build is current');
    return;
  }
  console.log('grainline: building the console (next build)…');
  execFileSync(process.execPath, [path.join(PROJECT_DIR, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: PROJECT_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  fs.writeFileSync(STAMP, wanted);
}

if (require.main === module) buildIfNeeded();
