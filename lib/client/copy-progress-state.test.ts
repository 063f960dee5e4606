import { describe, expect, it } from 'vitest';
import { stoppedEarly } from './copy-progress-state';

const progress = (percent: number, copiedBytes: number, totalBytes: number) => ({ percent, copiedBytes, totalBytes, rateBytesPerSec: 0, etaSeconds: null });

describe('a stopped copy’s progress', () => {
  it('is "stopped early" when the array discarded its counts (a stopped Storwize mapping)', () => {
    expect(stoppedEarly({ state: 'stopped', progress: progress(0, 0, 0) })).toBe(true);
  });

  it('shows its counts when the API kept them (a stopped SANtricity copy)', () => {
    expect(stoppedEarly({ state: 'stopped', progress: progress(42.5, 425, 1000) })).toBe(false);
  });

  it('is not about other states', () => {
    expect(stoppedEarly({ state: 'preparing', progress: progress(0, 0, 0) })).toBe(false);
    expect(stoppedEarly({ state: 'idle_or_copied', progress: progress(100, 0, 0) })).toBe(false);
  });

  it('does not call a copy never started "stopped early"', () => {
    expect(stoppedEarly({ state: 'stopped', progress: progress(0, 0, 0), lastStarted: null })).toBe(false);
    expect(stoppedEarly({ state: 'stopped', progress: progress(0, 0, 0), lastStarted: '2026-12-04T10:00:00.000Z' })).toBe(true);
  });
});
