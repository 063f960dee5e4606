import { describe, expect, it } from 'vitest';
import { GiB, MiB, TiB, formatBytes, toBytes } from './units';

describe('toBytes', () => {
  it('converts whole and fractional amounts exactly', () => {
    expect(toBytes('1', 'GiB')).toBe(GiB);
    expect(toBytes('1.5', 'TiB')).toBe(TiB + TiB / 2n);
    expect(toBytes('0.5', 'MiB')).toBe(MiB / 2n);
  });

  it('refuses text that is not a plain non-negative number', () => {
    for (const bad of ['', ' ', '-1', '1e3', 'abc', '1.2.3', '0x10']) expect(toBytes(bad, 'GiB')).toBeNull();
  });

  it('refuses amounts that are not a whole number of bytes', () => {
    expect(toBytes('0.0000001', 'MiB')).toBeNull();
  });
});

describe('formatBytes', () => {
  it('picks the largest unit and keeps one decimal when needed', () => {
    expect(formatBytes(GiB)).toBe('1 GiB');
    expect(formatBytes(2n * TiB)).toBe('2 TiB');
    expect(formatBytes(1536n * MiB)).toBe('1.5 GiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
