// `--cpu-prof <dir>` for the benchmarks that start a server: the server profiles its whole life
// and writes a .cpuprofile there when it stops (cpu-profile-preload.mjs). Open it in Chromium's
// DevTools (Performance) or VS Code.
import path from 'node:path';

export function profilingEnv(argv: readonly string[]): Record<string, string> {
  const at = argv.indexOf('--cpu-prof');
  const dir = at >= 0 ? argv[at + 1] : undefined;
  if (dir === undefined) return {};
  return { NODE_OPTIONS: `--import ${path.join(__dirname, 'cpu-profile-preload.mjs')}`, GRAINLINE_CPU_PROF_DIR: path.resolve(dir) };
}
