import { describe, expect, it } from 'vitest';
import { formatBytes } from './units';

const GiB = 1024 ** 3;

describe('formatBytes', () => {
  it('uses the largest binary unit that keeps the number at least 1', () => {
    expect(formatBytes(1024 * GiB)).toBe('1 TiB');
    expect(formatBytes(1024n * BigInt(GiB))).toBe('1 TiB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MiB');
    expect(formatBytes(1.5 * GiB)).toBe('1.5 GiB');
    expect(formatBytes(3)).toBe('3 B');
    expect(formatBytes(0)).toBe('0 B');
  });

  it('never shows 1024 of a unit when rounding reaches the next', () => {
    expect(formatBytes(1024 * GiB - 1)).toBe('1 TiB');
  });
});
