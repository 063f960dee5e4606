// A few rounds of the crash harness in every `npm test`; `npm run test:crash -- --rounds N` runs many.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './harness';

const ROUNDS = 3;

describe('kill -9 and restart', () => {
  it(`loses no acknowledged write and breaks no invariant over ${ROUNDS} kills`, async () => {
    const report = await runCrashTest({ rounds: ROUNDS, seed: 20261128 });
    expect(report.violations).toEqual([]);
    expect(report.rounds).toBe(ROUNDS);
    // The rounds did real work: writes were acknowledged and the relationships all came back.
    expect(report.acknowledgedWrites).toBeGreaterThan(ROUNDS * 5);
    expect(report.copyStates).not.toContain('missing');
  }, 600_000);
});
