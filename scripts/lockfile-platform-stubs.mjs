// The npm registry reachable here serves only linux-x64 builds of platform packages (SWC,
// Tailwind's oxide, rollup, esbuild…). npm therefore leaves the other platforms' optional
// dependencies out of package-lock.json, and `npm ci` then refuses the lockfile as "Missing: …".
// This script adds those entries back as optional, platform-restricted stubs, so `npm ci` skips
// them as it would on any machine of another platform. Run it after every `npm install`
// (npm run lock:fix); it is idempotent.
import fs from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('win') ? 'win32' : parts.includes('wasi') ? null : undefined);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('armeabi') || parts.includes('gnueabihf') ? 'arm' : undefined);
  return { os, cpu };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu } = platformOf(name);
    const stub = { version, dev: entry.dev || undefined, optional: true };
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    if (!os && !cpu) stub.cpu = ['wasm32'];
    packages[hoisted] = stub;
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${added} platform stub entr${added === 1 ? 'y' : 'ies'}`);
