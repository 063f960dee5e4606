import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GrainBitmap, GrainBitmapFormatError } from './grain-bitmap';
import { Prng } from './prng';

/** The naive model the bitmap must agree with: one boolean per grain. */
class NaiveBitmap {
  readonly bits: boolean[];
  constructor(grainCount: number) {
    this.bits = new Array<boolean>(grainCount).fill(false);
  }
  fill(first: number, count: number, value: boolean): void {
    for (let grain = first; grain < first + count; grain += 1) this.bits[grain] = value;
  }
  slice(first: number, count: number): boolean[] {
    return this.bits.slice(first, first + count);
  }
  next(from: number, value: boolean): number {
    for (let grain = from; grain < this.bits.length; grain += 1) if (this.bits[grain] === value) return grain;
    return -1;
  }
}

function bitmapOf(grainCount: number, setGrains: number[]): GrainBitmap {
  const bitmap = new GrainBitmap(grainCount);
  for (const grain of setGrains) bitmap.set(grain);
  return bitmap;
}

function setGrainsOf(bitmap: GrainBitmap): number[] {
  const grains: number[] = [];
  for (let grain = bitmap.nextSet(0); grain !== -1; grain = bitmap.nextSet(grain + 1)) grains.push(grain);
  return grains;
}

/** Frames a payload exactly as the documented format says, with a valid checksum. */
function frame(format: number, grainCount: number, payload: number[]): Uint8Array {
  const bytes = new Uint8Array(20 + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x4d425247, true);
  view.setUint8(4, 1);
  view.setUint8(5, format);
  view.setUint32(8, grainCount, true);
  view.setUint32(12, payload.length, true);
  bytes.set(payload, 20);
  view.setUint32(16, crc32(bytes.subarray(20), crc32(bytes.subarray(0, 16))), true);
  return bytes;
}

describe('GrainBitmap single bits', () => {
  it('starts clear and sets, clears and counts single grains at word edges', () => {
    const bitmap = new GrainBitmap(65);
    expect(bitmap.count()).toBe(0);
    for (const grain of [0, 31, 32, 63, 64]) {
      expect(bitmap.get(grain)).toBe(false);
      bitmap.set(grain);
      bitmap.set(grain);
      expect(bitmap.get(grain)).toBe(true);
    }
    expect(bitmap.count()).toBe(5);
    expect(setGrainsOf(bitmap)).toEqual([0, 31, 32, 63, 64]);
    bitmap.clear(31);
    bitmap.clear(31);
    bitmap.clear(30);
    expect(bitmap.count()).toBe(4);
    expect(bitmap.get(31)).toBe(false);
  });

  it('rejects grains and ranges outside the bitmap', () => {
    const bitmap = new GrainBitmap(40);
    expect(() => bitmap.get(40)).toThrow(/outside \[0, 40\)/);
    expect(() => bitmap.set(-1)).toThrow();
    expect(() => bitmap.clear(1.5)).toThrow();
    expect(() => bitmap.setRange(30, 11)).toThrow(/outside/);
    expect(() => bitmap.countRange(-1, 2)).toThrow();
    expect(() => bitmap.nextSet(-1)).toThrow();
    expect(() => new GrainBitmap(-1)).toThrow();
    expect(() => new GrainBitmap(2 ** 31 + 1)).toThrow();
    expect(bitmap.count()).toBe(0);
  });
});

describe('GrainBitmap ranges and scans', () => {
  it('sets and clears ranges inside one word, across words and over whole words', () => {
    const bitmap = new GrainBitmap(200);
    bitmap.setRange(3, 5);
    expect(setGrainsOf(bitmap)).toEqual([3, 4, 5, 6, 7]);
    bitmap.setRange(30, 100);
    expect(bitmap.count()).toBe(105);
    expect(bitmap.testRangeAll(30, 100)).toBe(true);
    expect(bitmap.testRangeAll(29, 100)).toBe(false);
    bitmap.clearRange(32, 64);
    expect(bitmap.count()).toBe(41);
    expect(bitmap.testRangeAny(32, 64)).toBe(false);
    expect(bitmap.testRangeAny(31, 64)).toBe(true);
    expect(bitmap.countRange(0, 200)).toBe(41);
    expect(bitmap.countRange(96, 34)).toBe(34);
  });

  it('treats empty ranges as no-ops: none set, all set, zero counted', () => {
    const bitmap = new GrainBitmap(64);
    bitmap.setRange(64, 0);
    expect(bitmap.count()).toBe(0);
    expect(bitmap.testRangeAny(10, 0)).toBe(false);
    expect(bitmap.testRangeAll(10, 0)).toBe(true);
    expect(bitmap.countRange(0, 0)).toBe(0);
  });

  it('finds the next set and clear grain, -1 at the end, never a grain past the last', () => {
    const bitmap = new GrainBitmap(70);
    expect(bitmap.nextSet(0)).toBe(-1);
    expect(bitmap.nextClear(69)).toBe(69);
    bitmap.setRange(0, 70);
    expect(bitmap.nextClear(0)).toBe(-1);
    expect(bitmap.nextSet(69)).toBe(69);
    expect(bitmap.nextSet(70)).toBe(-1);
    bitmap.clear(33);
    expect(bitmap.nextClear(0)).toBe(33);
    expect(bitmap.nextClear(34)).toBe(-1);
    bitmap.clearRange(0, 70);
    bitmap.set(69);
    expect(bitmap.nextSet(1)).toBe(69);
    expect(bitmap.nextClear(69)).toBe(-1);
  });
});

describe('GrainBitmap combinations', () => {
  it('computes union, difference and intersection in place', () => {
    const left = [1, 2, 40, 99];
    const right = [2, 3, 40, 64];
    const union = bitmapOf(100, left);
    union.union(bitmapOf(100, right));
    expect(setGrainsOf(union)).toEqual([1, 2, 3, 40, 64, 99]);
    expect(union.count()).toBe(6);
    const difference = bitmapOf(100, left);
    difference.difference(bitmapOf(100, right));
    expect(setGrainsOf(difference)).toEqual([1, 99]);
    expect(difference.count()).toBe(2);
    const intersection = bitmapOf(100, left);
    intersection.intersection(bitmapOf(100, right));
    expect(setGrainsOf(intersection)).toEqual([2, 40]);
    expect(intersection.count()).toBe(2);
  });

  it('refuses to combine bitmaps of different sizes and leaves the target unchanged', () => {
    const bitmap = bitmapOf(64, [1]);
    expect(() => bitmap.union(new GrainBitmap(65))).toThrow(/64 and 65 grains/);
    expect(() => bitmap.difference(new GrainBitmap(63))).toThrow();
    expect(() => bitmap.intersection(new GrainBitmap(0))).toThrow();
    expect(setGrainsOf(bitmap)).toEqual([1]);
  });

  it('clones independently and compares by size and content', () => {
    const original = bitmapOf(50, [7, 49]);
    const copy = original.clone();
    expect(copy.equals(original)).toBe(true);
    copy.set(8);
    expect(copy.equals(original)).toBe(false);
    expect(original.get(8)).toBe(false);
    expect(new GrainBitmap(32).equals(new GrainBitmap(33))).toBe(false);
    copy.clear(8);
    expect(copy.equals(original)).toBe(true);
  });
});

describe('GrainBitmap serialization', () => {
  it('round-trips bitmaps of awkward sizes in both formats', () => {
    const prng = new Prng(11);
    for (const grainCount of [0, 1, 31, 32, 33, 1000]) {
      const shapes = [new GrainBitmap(grainCount), bitmapOf(grainCount, [])];
      shapes[1]!.setRange(0, grainCount);
      const random = new GrainBitmap(grainCount);
      for (let grain = 0; grain < grainCount; grain += 1) if (prng.chance(0.5)) random.set(grain);
      shapes.push(random);
      for (const bitmap of shapes) {
        const restored = GrainBitmap.deserialize(bitmap.serialize());
        expect(restored.equals(bitmap)).toBe(true);
        expect(restored.count()).toBe(bitmap.count());
        expect(restored.grainCount).toBe(grainCount);
      }
    }
  });

  it('chooses runs for sparse bitmaps and words for noisy ones, whichever is smaller', () => {
    const sparse = new GrainBitmap(16 * 1024 * 1024); // a 1 TiB volume at 64 KiB grains
    sparse.setRange(1_000, 5_000);
    sparse.set(9_999_999);
    const sparseBytes = sparse.serialize();
    expect(GrainBitmap.serialFormat(sparseBytes)).toBe('runs');
    expect(sparseBytes.length).toBeLessThan(40);
    const noisy = new GrainBitmap(4096);
    for (let grain = 0; grain < 4096; grain += 3) noisy.set(grain);
    const noisyBytes = noisy.serialize();
    expect(GrainBitmap.serialFormat(noisyBytes)).toBe('words');
    expect(noisyBytes.length).toBe(20 + 4096 / 8);
  });

  it('rejects every truncation and every single-bit flip of a serialized bitmap', () => {
    const sparse = bitmapOf(100, [5, 6, 7, 70]);
    const dense = new GrainBitmap(100);
    for (let grain = 0; grain < 100; grain += 2) dense.set(grain);
    for (const bitmap of [sparse, dense]) {
      const bytes = bitmap.serialize();
      for (let length = 0; length < bytes.length; length += 1) {
        expect(() => GrainBitmap.deserialize(bytes.subarray(0, length))).toThrow(GrainBitmapFormatError);
      }
      for (let bit = 0; bit < bytes.length * 8; bit += 1) {
        const damaged = bytes.slice();
        damaged[bit >> 3]! ^= 1 << (bit & 7);
        expect(() => GrainBitmap.deserialize(damaged)).toThrow(GrainBitmapFormatError);
      }
      const extended = new Uint8Array(bytes.length + 1);
      extended.set(bytes);
      expect(() => GrainBitmap.deserialize(extended)).toThrow(/unexpected bytes/);
    }
  });

  it('names what is wrong with well-framed but invalid payloads', () => {
    const cases: [Uint8Array, RegExp][] = [
      [frame(0, 33, [0, 0, 0, 0]), /words payload has 4 bytes, 33 grains need 8/],
      [frame(0, 33, [0, 0, 0, 0, 2, 0, 0, 0]), /bits set past grain count 33/],
      [frame(1, 10, [4, 3]), /runs cover 7 grains, header says 10/],
      [frame(1, 10, [4, 0, 6]), /run 1 is empty/],
      [frame(1, 10, [4, 7]), /runs exceed grain count 10/],
      [frame(1, 10, [0x84]), /run length truncated/],
      [frame(1, 10, [0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), /longer than 5 bytes/],
      [frame(1, 10, [0xff, 0xff, 0xff, 0xff, 0x7f]), /overflows 32 bits/],
      [frame(2, 10, []), /unknown format 2/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => GrainBitmap.deserialize(bytes)).toThrow(message);
    }
    expect(GrainBitmap.deserialize(frame(1, 10, [4, 6])).countRange(4, 6)).toBe(6);
  });
});

describe('GrainBitmap against a naive model', () => {
  function randomRange(prng: Prng, grainCount: number): [number, number] {
    const first = prng.int(grainCount + 1);
    const longRun = prng.chance(0.3);
    const count = prng.int((longRun ? grainCount - first : Math.min(70, grainCount - first)) + 1);
    return [first, count];
  }

  function randomPair(prng: Prng, grainCount: number): [GrainBitmap, NaiveBitmap] {
    const bitmap = new GrainBitmap(grainCount);
    const model = new NaiveBitmap(grainCount);
    for (let step = 0; step < 4; step += 1) {
      const [first, count] = randomRange(prng, grainCount);
      bitmap.setRange(first, count);
      model.fill(first, count, true);
    }
    return [bitmap, model];
  }

  function step(prng: Prng, bitmap: GrainBitmap, model: NaiveBitmap): void {
    const grainCount = bitmap.grainCount;
    const [first, count] = randomRange(prng, grainCount);
    const grain = prng.int(grainCount);
    const operation = prng.int(8);
    if (operation === 0) {
      bitmap.set(grain);
      model.bits[grain] = true;
    } else if (operation === 1) {
      bitmap.clear(grain);
      model.bits[grain] = false;
    } else if (operation === 2) {
      bitmap.setRange(first, count);
      model.fill(first, count, true);
    } else if (operation === 3) {
      bitmap.clearRange(first, count);
      model.fill(first, count, false);
    } else if (operation >= 4 && operation <= 6) {
      const [other, otherModel] = randomPair(prng, grainCount);
      const combine = (left: boolean, right: boolean) => (operation === 4 ? left || right : operation === 5 ? left && !right : left && right);
      if (operation === 4) bitmap.union(other);
      if (operation === 5) bitmap.difference(other);
      if (operation === 6) bitmap.intersection(other);
      for (let index = 0; index < grainCount; index += 1) model.bits[index] = combine(model.bits[index]!, otherModel.bits[index]!);
    } else {
      const restored = GrainBitmap.deserialize(bitmap.serialize());
      expect(restored.equals(bitmap)).toBe(true);
    }
  }

  function check(prng: Prng, bitmap: GrainBitmap, model: NaiveBitmap): void {
    const grainCount = bitmap.grainCount;
    const grain = prng.int(grainCount);
    const [first, count] = randomRange(prng, grainCount);
    const slice = model.slice(first, count);
    expect(bitmap.get(grain)).toBe(model.bits[grain]);
    expect(bitmap.count()).toBe(model.bits.filter(Boolean).length);
    expect(bitmap.countRange(first, count)).toBe(slice.filter(Boolean).length);
    expect(bitmap.testRangeAny(first, count)).toBe(slice.some(Boolean));
    expect(bitmap.testRangeAll(first, count)).toBe(slice.every(Boolean));
    expect(bitmap.nextSet(first)).toBe(model.next(first, true));
    expect(bitmap.nextClear(first)).toBe(model.next(first, false));
  }

  it('agrees on every operation over 24 seeds and sizes from 1 to 4099 grains', () => {
    const sizes = [1, 2, 31, 32, 33, 63, 64, 65, 100, 257, 1000, 4099];
    for (let seed = 0; seed < 24; seed += 1) {
      const prng = new Prng(seed);
      const grainCount = sizes[seed % sizes.length]!;
      const bitmap = new GrainBitmap(grainCount);
      const model = new NaiveBitmap(grainCount);
      for (let index = 0; index < 300; index += 1) {
        step(prng, bitmap, model);
        check(prng, bitmap, model);
      }
      expect(setGrainsOf(bitmap)).toEqual(model.bits.flatMap((bit, index) => (bit ? [index] : [])));
      const clone = bitmap.clone();
      expect(clone.equals(bitmap)).toBe(true);
    }
  });
});

describe('countUnion', () => {
  it('counts grains set in any bitmap, equal to building the union', () => {
    const a = new GrainBitmap(1000);
    const b = new GrainBitmap(1000);
    const c = new GrainBitmap(1000);
    a.setRange(0, 100);
    b.setRange(50, 100);
    c.set(999);
    const union = a.clone();
    union.union(b);
    union.union(c);
    expect(a.countUnion([b, c])).toBe(union.count());
    expect(a.countUnion([b, c])).toBe(151);
    expect(a.countUnion([])).toBe(100);
    expect(() => a.countUnion([new GrainBitmap(10)])).toThrow();
  });
});

describe('countRangeUnion', () => {
  it('counts grains of a range set in any bitmap, equal to building the union', () => {
    const a = bitmapOf(1000, [0, 31, 32, 500]);
    const b = new GrainBitmap(1000);
    b.setRange(30, 5); // 30..34: overlaps a at 31 and 32
    const union = a.clone();
    union.union(b);
    const random = new Prng(11);
    for (let trial = 0; trial < 200; trial += 1) {
      const first = random.int(1000);
      const count = random.int(1000 - first + 1);
      expect(a.countRangeUnion([b], first, count)).toBe(union.countRange(first, count));
    }
    expect(a.countRangeUnion([b], 0, 1000)).toBe(7);
    expect(a.countRangeUnion([], 0, 40)).toBe(3);
    expect(a.countRangeUnion([b], 40, 0)).toBe(0);
    expect(() => a.countRangeUnion([new GrainBitmap(10)], 0, 1)).toThrow();
    expect(() => a.countRangeUnion([b], 990, 20)).toThrow();
  });
});
