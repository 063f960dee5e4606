import { describe, expect, it } from 'vitest';
import { TICK_INTERVAL_MAX_MS, TICK_INTERVAL_MS, VISITS_PER_SEC, tickDelayMs } from './tick-pace';

describe('tickDelayMs', () => {
  it('ticks a small fleet every TICK_INTERVAL_MS', () => {
    expect(tickDelayMs(1, 0)).toBe(TICK_INTERVAL_MS);
    expect(tickDelayMs(100, 10)).toBe(TICK_INTERVAL_MS);
    expect(tickDelayMs(100, (VISITS_PER_SEC * TICK_INTERVAL_MS) / 1000)).toBe(TICK_INTERVAL_MS);
  });

  it('holds a large fleet to about VISITS_PER_SEC relationship visits a second', () => {
    // Fleets between the smallest paced one and the largest one below the longest pause.
    const largestPaced = (VISITS_PER_SEC * TICK_INTERVAL_MAX_MS) / 1000;
    for (const visited of [largestPaced / 4, largestPaced / 2, largestPaced]) {
      const delayMs = tickDelayMs(100, visited);
      expect(delayMs).toBeGreaterThan(TICK_INTERVAL_MS);
      expect((visited * 1000) / delayMs).toBeCloseTo(VISITS_PER_SEC, -1);
    }
  });

  it('never waits longer than TICK_INTERVAL_MAX_MS, and not at all at speed max', () => {
    expect(tickDelayMs(100, 1_000_000)).toBe(TICK_INTERVAL_MAX_MS);
    expect(tickDelayMs('max', 1_000_000)).toBe(0);
    expect(tickDelayMs('max', 0)).toBe(0);
  });
});
