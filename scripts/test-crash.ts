// `npm run test:crash -- --rounds N [--seed S]`: the crash harness (tests/crash/harness.ts) for as
// many kill -9 / restart rounds as asked. Exits 1 on any lost write or broken invariant.
// `npm run test:takeover -- --rounds N [--lease-ms L]` (`--cluster`): the same harness against two
// nodes on PostgreSQL, killing the primary each round; the backup must take over (issue #13).
import { runCrashTest } from '../tests/crash/harness';
import { buildIfNeeded } from './build-if-needed';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const rounds = flag('rounds', 20);
  const seed = flag('seed', Date.now() % 1_000_000);
  const cluster = process.argv.includes('--cluster') ? { leaseMs: flag('lease-ms', 3_000) } : undefined;
  buildIfNeeded();
  const started = performance.now();
  console.log(`${cluster === undefined ? 'crash' : 'takeover'} test: ${rounds} rounds, seed ${seed}`);
  const report = await runCrashTest({ rounds, seed, log: (line) => console.log(line), ...(cluster !== undefined ? { cluster } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `\n${report.rounds} rounds in ${seconds} s: ${report.acknowledgedWrites} acknowledged writes, ${report.workloadWrites} workload writes, ${report.inDoubtWrites} in flight at a kill, ${report.violations.length} violations`,
  );
  if (report.takeoverMs.length > 0) {
    const sorted = [...report.takeoverMs].sort((a, b) => a - b);
    console.log(
      `takeover: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms over ${sorted.length} kills (lease ${cluster?.leaseMs} ms)`,
    );
  }
  for (const line of report.violations) console.log(`  VIOLATION ${line}`);
  if (report.violations.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
