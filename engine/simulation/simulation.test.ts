import { describe, expect, it } from 'vitest';
import { runSeed } from './run';

const SEEDS = Number(process.env.GRAINLINE_SIM_SEEDS ?? 500);
const SEEDS_PER_TEST = 100;

describe(`deterministic simulation of all four services (${SEEDS} seeds)`, () => {
  for (let first = 1; first <= SEEDS; first += SEEDS_PER_TEST) {
    const last = Math.min(SEEDS, first + SEEDS_PER_TEST - 1);
    it(`seeds ${first}–${last} keep every invariant of docs/domain.md and lose no acknowledged write`, { timeout: 300_000 }, async () => {
      const failures: string[] = [];
      let transitions = 0;
      let deferredWrites = 0;
      for (let seed = first; seed <= last && failures.length < 3; seed += 1) {
        // Yield between seeds: a test that holds the worker's thread for a minute on a loaded
        // machine starves Vitest's own messages ("Timeout calling onTaskUpdate") and fails the run.
        await new Promise((resolve) => setImmediate(resolve));
        const result = runSeed(seed);
        transitions += result.transitions;
        deferredWrites += result.deferredWrites;
        if (result.failure !== null) failures.push(`seed ${seed} failed — replay: npm run test:sim -- --seed ${seed}\n${result.failure}`);
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
      // The scenarios must really exercise the services, not just be refused.
      expect(transitions).toBeGreaterThan((last - first + 1) * 5);
      // Half the seeds (the even ones) hold host writes until a save, as the server does.
      expect(deferredWrites).toBeGreaterThan(last - first);
    });
  }
});
