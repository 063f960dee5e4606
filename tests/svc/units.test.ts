// How SVC prints sizes and times (lib/vendor/svc/units.ts).
import { describe, expect, it } from 'vitest';
import { bytesOf, svcCapacity, svcTime } from '../../lib/vendor/svc/units';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('svcCapacity', () => {
  it('prints two decimals in the largest unit the value reaches', () => {
    expect(svcCapacity(GiB, false)).toBe('1.00GB');
    expect(svcCapacity(10 * GiB, false)).toBe('10.00GB');
    expect(svcCapacity(1536, false)).toBe('1.50KB');
    expect(svcCapacity(16 * MiB, false)).toBe('16.00MB');
    expect(svcCapacity(1023, false)).toBe('1023.00B');
    expect(svcCapacity(0, false)).toBe('0.00B');
    expect(svcCapacity(80n * 1024n ** 4n, false)).toBe('80.00TB');
    expect(svcCapacity(3n * 1024n ** 5n, false)).toBe('3.00PB');
    expect(svcCapacity(2048n * 1024n ** 5n, false)).toBe('2048.00PB');
  });

  it('prints whole bytes with -bytes, exactly, even past 2^53', () => {
    expect(svcCapacity(GiB, true)).toBe('1073741824');
    expect(svcCapacity(0n, true)).toBe('0');
    expect(svcCapacity(2n ** 60n + 1n, true)).toBe('1152921504606846977');
    expect(svcCapacity(1.6, true)).toBe('2');
  });
});

describe('bytesOf', () => {
  it('multiplies by the unit (b … pb, any case; SVC units are powers of 1024)', () => {
    expect(bytesOf('16', 'mb')).toBe(16n * 1024n * 1024n);
    expect(bytesOf('512', 'b')).toBe(512n);
    expect(bytesOf('1', 'GB')).toBe(1024n ** 3n);
    expect(bytesOf('2', 'kb')).toBe(2048n);
    expect(bytesOf('1', 'tb')).toBe(1024n ** 4n);
    expect(bytesOf('1', 'pb')).toBe(1024n ** 5n);
    expect(bytesOf('0', 'mb')).toBe(0n);
  });

  it('takes decimal sizes, rounding down to a whole byte', () => {
    expect(bytesOf('1.5', 'gb')).toBe(1536n * 1024n * 1024n);
    expect(bytesOf('0.5', 'kb')).toBe(512n);
    expect(bytesOf('0.0001', 'kb')).toBe(0n);
  });

  it('answers null for what is not a size or not a unit', () => {
    expect(bytesOf('16', 'xb')).toBeNull();
    expect(bytesOf('16', '')).toBeNull();
    expect(bytesOf('-1', 'mb')).toBeNull();
    expect(bytesOf('1e3', 'mb')).toBeNull();
    expect(bytesOf('', 'mb')).toBeNull();
    expect(bytesOf('1.', 'mb')).toBeNull();
    expect(bytesOf('abc', 'b')).toBeNull();
  });
});

describe('svcTime', () => {
  it('prints YYMMDDHHMMSS in UTC, and "" for never', () => {
    expect(svcTime(null)).toBe('');
    expect(svcTime('2024-03-05T07:08:09.999Z')).toBe('240305070809');
    expect(svcTime('2031-12-31T23:59:59Z')).toBe('311231235959');
    expect(svcTime('2000-01-01T00:00:00Z')).toBe('000101000000');
  });

  it('converts a time given with an offset to UTC', () => {
    expect(svcTime('2024-03-05T23:30:00-02:00')).toBe('240306013000');
  });
});
