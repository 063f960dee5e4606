import { describe, expect, it } from 'vitest';
import { UnsavedSince } from './unsaved-since';

describe('UnsavedSince', () => {
  let nowMs = 1_000;
  const tracker = () => new UnsavedSince(() => nowMs);

  it('keeps the first change since the last save, until the save that took it commits', () => {
    const since = tracker();
    expect(since.oldestMs()).toBeNull();
    since.mark();
    nowMs = 1_100;
    since.mark();
    expect(since.oldestMs()).toBe(1_000);
    since.take();
    nowMs = 1_200;
    since.mark(); // arrives while the save runs: not in it
    expect(since.oldestMs()).toBe(1_000);
    since.saved();
    expect(since.oldestMs()).toBe(1_200);
    since.take();
    since.saved();
    expect(since.oldestMs()).toBeNull();
  });

  it('gives a failed save’s changes back as old as they were', () => {
    nowMs = 5_000;
    const since = tracker();
    since.mark();
    since.take();
    nowMs = 6_000;
    since.mark();
    since.failed();
    expect(since.oldestMs()).toBe(5_000);
    since.take();
    since.saved();
    expect(since.oldestMs()).toBeNull();
  });
});
