import { describe, expect, it } from 'vitest';
import { Prng } from './prng';

describe('Prng', () => {
  it('matches the xoshiro128** reference sequence from state [1, 2, 3, 4]', () => {
    const prng = Prng.fromState([1, 2, 3, 4]);
    expect([prng.u32(), prng.u32(), prng.u32()]).toEqual([11520, 0, 5927040]);
  });

  it('replays the same sequence from the same seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const prng = new Prng(seed);
      return Array.from({ length: 16 }, () => prng.u32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(2 ** 32));
  });

  it('resumes exactly from a saved state', () => {
    const prng = new Prng(7);
    for (let index = 0; index < 10; index += 1) prng.u32();
    const resumed = Prng.fromState(prng.state());
    expect(Array.from({ length: 8 }, () => resumed.u32())).toEqual(Array.from({ length: 8 }, () => prng.u32()));
  });

  it('keeps int, range and float within bounds and covers every value of a small range', () => {
    const prng = new Prng(1);
    const seen = new Set<number>();
    for (let index = 0; index < 2_000; index += 1) {
      const value = prng.range(-3, 4);
      expect(Number.isInteger(value) && value >= -3 && value < 4).toBe(true);
      seen.add(value);
      const float = prng.float();
      expect(float >= 0 && float < 1).toBe(true);
      const large = prng.int(2 ** 40 + 3);
      expect(Number.isInteger(large) && large >= 0 && large < 2 ** 40 + 3).toBe(true);
    }
    expect(seen.size).toBe(7);
    expect(prng.int(1)).toBe(0);
  });

  it('is roughly uniform (each of 8 buckets within 10% of its share over 80,000 draws)', () => {
    const prng = new Prng(99);
    const buckets = new Array<number>(8).fill(0);
    for (let index = 0; index < 80_000; index += 1) buckets[prng.int(8)]! += 1;
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(1_000);
  });

  it('fills every byte of a buffer, including an unaligned tail, and nothing outside it', () => {
    const backing = new Uint8Array(12);
    const window = backing.subarray(1, 8);
    const tailSeen = new Set<number>();
    for (let seed = 0; seed < 64; seed += 1) {
      new Prng(seed).fill(window);
      tailSeen.add(window[6]!);
      expect(backing[0]).toBe(0);
      expect(backing.subarray(8).every((byte) => byte === 0)).toBe(true);
    }
    expect(tailSeen.size).toBeGreaterThan(32);
    const again = new Uint8Array(7);
    new Prng(63).fill(again);
    expect(again).toEqual(window);
  });

  it('rejects bad arguments', () => {
    const prng = new Prng(1);
    expect(() => prng.int(0)).toThrow();
    expect(() => prng.int(2.5)).toThrow();
    expect(() => prng.range(3, 3)).toThrow();
    expect(() => prng.pick([])).toThrow();
    expect(() => Prng.fromState([0, 0, 0, 0])).toThrow();
    expect(() => new Prng(Number.NaN)).toThrow();
  });
});
