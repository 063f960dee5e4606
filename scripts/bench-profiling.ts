// `--cpu-prof <dir>` for the benchmarks that start a server: the server profiles its whole life
// and writes a .cpuprofile there when it stops (cpu-profile-preload.mjs). Open it in Chromium's
// DevTools (Performance) or VS Code. `--cpu-prof-busy <dir>` (bench:server) profiles only
// between pairs of SIGUSR2 the benchmark sends around its measuring windows.
import path from 'node:path';

function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Whether the server should profile only its measuring windows (`--cpu-prof-busy`). */
export function profilingWindows(argv: readonly string[]): boolean {
  return argValue(argv, '--cpu-prof-busy') !== undefined;
}

export function profilingEnv(argv: readonly string[]): Record<string, string> {
  const dir = argValue(argv, '--cpu-prof') ?? argValue(argv, '--cpu-prof-busy');
  if (dir === undefined) return {};
  return {
    NODE_OPTIONS: `--import ${path.join(__dirname, 'cpu-profile-preload.mjs')}`,
    GRAINLINE_CPU_PROF_DIR: path.resolve(dir),
    ...(profilingWindows(argv) ? { GRAINLINE_CPU_PROF_WINDOWS: '1' } : {}),
  };
}
