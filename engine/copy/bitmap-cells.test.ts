import { describe, expect, it } from 'vitest';
import { GrainBitmap } from '../data/grain-bitmap';
import { Prng } from '../data/prng';
import { createFixture, MiB } from '../testing/fixture';
import { bitmapCells, cellLayout, type CellSource } from './bitmap-cells';

function source(grainCount: number): CellSource {
  return {
    grainCount,
    grainBytes: 64 * 1024,
    toCopy: new GrainBitmap(grainCount),
    sourceDiff: new GrainBitmap(grainCount),
    targetDiff: new GrainBitmap(grainCount),
  };
}

/** The same cells, one grain at a time: what the word-level counting must agree with. */
function naiveCells(relationship: CellSource, cellsMax: number) {
  const { cells, grainsPerCell } = cellLayout(relationship.grainCount, cellsMax);
  const toCopy = new Array<number>(cells).fill(0);
  const changed = new Array<number>(cells).fill(0);
  const copied = new Array<number>(cells).fill(0);
  for (let grain = 0; grain < relationship.grainCount; grain += 1) {
    const cell = Math.floor(grain / grainsPerCell);
    if (relationship.toCopy.get(grain)) toCopy[cell]! += 1;
    else copied[cell]! += 1;
    if (relationship.sourceDiff.get(grain) || relationship.targetDiff.get(grain)) changed[cell]! += 1;
  }
  return { cells, grainsPerCell, copied, toCopy, changed };
}

describe('cellLayout', () => {
  it('cuts grains into at most the cells asked for, one grain per cell when there are fewer grains', () => {
    expect(cellLayout(16_384, 1024)).toEqual({ cells: 1024, grainsPerCell: 16 });
    expect(cellLayout(1000, 1024)).toEqual({ cells: 1000, grainsPerCell: 1 });
    // 1000 grains in at most 16 cells: 63 per cell, the 16th holds the last 55.
    expect(cellLayout(1000, 16)).toEqual({ cells: 16, grainsPerCell: 63 });
    // Rounding up the run can leave fewer cells than asked: 10 grains, 4 cells max → 3 per cell, 4 cells.
    expect(cellLayout(10, 4)).toEqual({ cells: 4, grainsPerCell: 3 });
    expect(cellLayout(9, 4)).toEqual({ cells: 3, grainsPerCell: 3 });
    expect(cellLayout(1, 8192)).toEqual({ cells: 1, grainsPerCell: 1 });
  });
});

describe('bitmapCells', () => {
  it('agrees with counting grain by grain, for random bitmaps and cell counts', () => {
    const random = new Prng(42);
    for (let trial = 0; trial < 60; trial += 1) {
      const grainCount = 1 + random.int(5000);
      const relationship = source(grainCount);
      for (const bitmap of [relationship.toCopy, relationship.sourceDiff, relationship.targetDiff]) {
        for (let run = random.int(12); run > 0; run -= 1) {
          const first = random.int(grainCount);
          bitmap.setRange(first, random.int(grainCount - first + 1));
        }
      }
      const cellsMax = 16 + random.int(300);
      const result = bitmapCells(relationship, cellsMax);
      const expected = naiveCells(relationship, cellsMax);
      expect({ cells: result.cells, grainsPerCell: result.grainsPerCell, copied: result.copied, toCopy: result.toCopy, changed: result.changed }).toEqual(
        expected,
      );
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(result.counts).toEqual({ copied: sum(expected.copied), toCopy: sum(expected.toCopy), changed: sum(expected.changed) });
    }
  });

  it('counts a grain changed on both volumes once', () => {
    const relationship = source(64);
    relationship.sourceDiff.setRange(0, 10);
    relationship.targetDiff.setRange(5, 10);
    const result = bitmapCells(relationship, 16);
    expect(result.grainsPerCell).toBe(4);
    expect(result.changed.slice(0, 5)).toEqual([4, 4, 4, 3, 0]);
    expect(result.counts.changed).toBe(15);
    expect(result.counts.copied).toBe(64);
  });

  it('summarises a multi-million-grain bitmap without walking it grain by grain', () => {
    // 2 TiB at 64 KiB grains: 32 Mi grains, a million words per bitmap.
    const grainCount = 32 * 1024 * 1024;
    const relationship = source(grainCount);
    relationship.toCopy.setRange(grainCount / 2, grainCount / 2);
    relationship.sourceDiff.set(0);
    relationship.targetDiff.setRange(grainCount - 100, 100);
    const startedMs = performance.now();
    const result = bitmapCells(relationship, 8192);
    const elapsedMs = performance.now() - startedMs;
    expect(result.cells).toBe(8192);
    expect(result.grainsPerCell).toBe(4096);
    expect(result.toCopy[4095]).toBe(0);
    expect(result.toCopy[4096]).toBe(4096);
    expect(result.changed[0]).toBe(1);
    expect(result.changed[8191]).toBe(100);
    expect(result.counts).toEqual({ copied: grainCount / 2, toCopy: grainCount / 2, changed: 101 });
    // Generous for a slow shared machine; a grain-by-grain walk takes seconds.
    expect(elapsedMs).toBeLessThan(1_500);
  });

  it('follows a ShadowImage pair: all to copy at first, in sync in PAIR, writes after a split show as changed', () => {
    const fixture = createFixture({ capacityBytes: 4 * MiB });
    const { engine } = fixture;
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: fixture.volume('xp7', 0).id, targetVolumeId: fixture.volume('xp7', 1).id });
    expect(bitmapCells(pair, 16).counts).toEqual({ copied: 0, toCopy: 64, changed: 0 });
    engine.advance(1_000);
    expect(pair.state).toBe('PAIR');
    expect(bitmapCells(pair, 16).counts).toEqual({ copied: 64, toCopy: 0, changed: 0 });
    engine.act(pair.id, 'split', 'quick');
    engine.advance(1_000);
    expect(pair.state).toBe('PSUS');
    engine.hostWrite(fixture.volume('xp7', 0).id, MiB, new Uint8Array(128 * 1024).fill(1));
    const cells = bitmapCells(pair, 16);
    expect(cells.counts.changed).toBe(2);
    expect(cells.changed[4]).toBe(2);
  });
});
