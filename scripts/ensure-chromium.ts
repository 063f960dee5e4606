// Playwright runs in Debian's Chromium. When it is missing, install it if we can (root with apt),
// otherwise stop with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM_PATH } from '../e2e/support/chromium';

const INSTALL = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`grainline: Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's chromium and re-run:\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
  console.log(`grainline: Chromium is missing; installing Debian's chromium as root: ${INSTALL}`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit' });
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`installed chromium but ${CHROMIUM_PATH} is still missing`);
}

if (require.main === module) ensureChromium();
