// The persister's lag: how long the oldest change not yet on record has waited, of each speed
// (changes a command waits for, saved within 250 ms; background progress, every 5 s), and how long
// saves take. A lag that keeps growing is a database that cannot keep up (or fails: see the count).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Persister } from '../persist/persister';

/** Seconds. A save of changes takes milliseconds; a progress round of a thousand copies, seconds. */
export const SAVE_DURATION_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type SaveSource = Pick<Persister, 'oldestUnsaved' | 'onSaved'>;

export function registerPersisterMetrics(registry: Registry, persister: SaveSource, nowMs: () => number = Date.now): void {
  new Gauge({
    name: 'grainline_persister_unsaved_age_seconds',
    help: 'Age of the oldest change not yet saved to the inventory (0 when all is saved), by kind: changes commands wait for, or background progress',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const { changesMs, progressMs } = persister.oldestUnsaved();
      const now = nowMs();
      this.set({ kind: 'changes' }, changesMs === null ? 0 : Math.max(0, now - changesMs) / 1000);
      this.set({ kind: 'progress' }, progressMs === null ? 0 : Math.max(0, now - progressMs) / 1000);
    },
  });
  const durations = new Histogram({
    name: 'grainline_persister_save_duration_seconds',
    help: 'Wall time of one save, by scope (changes; progress: changes and background progress; all: at shutdown)',
    labelNames: ['scope'],
    buckets: SAVE_DURATION_BUCKETS_S,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'grainline_persister_save_failures_total',
    help: 'Saves that did not commit in full (what they held waits for the next save)',
    labelNames: ['scope'],
    registers: [registry],
  });
  for (const scope of ['changes', 'progress', 'all'] as const) failures.inc({ scope }, 0);
  persister.onSaved(({ scope, durationMs, ok }) => {
    durations.observe({ scope }, durationMs / 1000);
    if (!ok) failures.inc({ scope });
  });
}
