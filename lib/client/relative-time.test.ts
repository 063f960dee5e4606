import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatExpiry, formatSpan } from './relative-time';

const NOW_MS = Date.parse('2026-12-05T08:00:00.000Z');
const before = (ms: number) => new Date(NOW_MS - ms).toISOString();

describe('relative time on the Copy Services Servers page', () => {
  it('gives a span in its two largest units, dropping a zero second unit', () => {
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(999)).toBe('0 s');
    expect(formatSpan(4_200)).toBe('4 s');
    expect(formatSpan(125_000)).toBe('2 min 5 s');
    expect(formatSpan(2 * 3_600_000 + 30_000)).toBe('2 h');
    expect(formatSpan(3 * 3_600_000 + 12 * 60_000 + 59_000)).toBe('3 h 12 min');
    expect(formatSpan(2 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe('2 d 4 h');
    expect(formatSpan(-5_000)).toBe('0 s');
  });

  it('keeps the fraction of a short duration', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(1_250)).toBe('1.25 s');
    expect(formatDuration(5_000)).toBe('5 s');
    expect(formatDuration(75_000)).toBe('1 min 15 s');
  });

  it('says how long ago, calling the first second and a clock slightly ahead "just now"', () => {
    expect(formatAgo(before(400), NOW_MS)).toBe('just now');
    expect(formatAgo(before(-300), NOW_MS)).toBe('just now');
    expect(formatAgo(before(3_100), NOW_MS)).toBe('3 s ago');
    expect(formatAgo(before(61_000), NOW_MS)).toBe('1 min 1 s ago');
    expect(formatAgo('not a time', NOW_MS)).toBe('not a time');
  });

  it('counts a lease down in whole seconds, then says how long ago it expired', () => {
    expect(formatExpiry(before(-4_100), NOW_MS)).toBe('in 5 s');
    expect(formatExpiry(before(-1_000), NOW_MS)).toBe('in 1 s');
    expect(formatExpiry(before(0), NOW_MS)).toBe('expired just now');
    expect(formatExpiry(before(7_500), NOW_MS)).toBe('expired 7 s ago');
  });
});
