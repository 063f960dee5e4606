// Two nodes on PostgreSQL, copies of every service running and hosts writing through both nodes;
// the primary is killed with SIGKILL at random moments and its backup must take over (issue #13).
// A few rounds in every `npm test`; `npm run test:takeover -- --rounds N` runs many.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../crash/harness';

const ROUNDS = 2;
const LEASE_MS = 5_000;

describe('primary and backup Copy Services Servers', () => {
  it(`a backup takes over each of ${ROUNDS} kill -9s of the primary, losing no acknowledged write or relationship`, async () => {
    const report = await runCrashTest({ rounds: ROUNDS, seed: 20261205, cluster: { leaseMs: LEASE_MS } });
    expect(report.violations).toEqual([]);
    expect(report.rounds).toBe(ROUNDS);
    expect(report.takeoverMs).toHaveLength(ROUNDS);
    expect(report.acknowledgedWrites).toBeGreaterThan(ROUNDS * 5);
    expect(report.copyStates).not.toContain('missing');
  }, 900_000);
});
