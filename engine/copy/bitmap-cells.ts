// A relationship's bitmaps summarised for the console's heatmap: the grains cut into at most N
// cells of equal runs, and for each cell how many grains are still to copy and how many changed
// since the point in time (T0, the split). Counted a word at a time, so a bitmap of millions of
// grains costs one pass over its words and no allocation per grain — the detail page asks for
// this several times a second.
import assert from 'node:assert';
import type { Relationship } from './relationship';

export const BITMAP_CELLS_MIN = 16;
export const BITMAP_CELLS_MAX = 8192;
export const BITMAP_CELLS_DEFAULT = 1024;

export type CellSource = Pick<Relationship, 'grainCount' | 'grainBytes' | 'toCopy' | 'sourceDiff' | 'targetDiff'>;

export interface BitmapCells {
  grainCount: number;
  grainBytes: number;
  /** Cells returned: at most the number asked for, and never more than there are grains. */
  cells: number;
  /** Grains per cell; the last cell may hold fewer. */
  grainsPerCell: number;
  /** Per cell: grains no longer to copy (copied, or in sync). */
  copied: number[];
  /** Per cell: grains the copier still has to move. */
  toCopy: number[];
  /** Per cell: grains written on either volume since the point in time (sourceDiff ∪ targetDiff). */
  changed: number[];
  counts: { copied: number; toCopy: number; changed: number };
}

/** How `grainCount` grains fall into at most `cellsMax` cells of equal runs. */
export function cellLayout(grainCount: number, cellsMax: number): { cells: number; grainsPerCell: number } {
  assert(Number.isSafeInteger(grainCount) && grainCount >= 1, 'a relationship has at least one grain');
  assert(Number.isSafeInteger(cellsMax) && cellsMax >= 1, 'at least one cell');
  const grainsPerCell = Math.ceil(grainCount / Math.min(cellsMax, grainCount));
  const cells = Math.ceil(grainCount / grainsPerCell);
  assert(cells <= cellsMax && (cells - 1) * grainsPerCell < grainCount);
  return { cells, grainsPerCell };
}

export function bitmapCells(relationship: CellSource, cellsMax: number): BitmapCells {
  const { grainCount, toCopy, sourceDiff, targetDiff } = relationship;
  assert(toCopy.grainCount === grainCount && sourceDiff.grainCount === grainCount && targetDiff.grainCount === grainCount);
  const { cells, grainsPerCell } = cellLayout(grainCount, cellsMax);
  const copied = new Array<number>(cells).fill(0);
  const remaining = new Array<number>(cells).fill(0);
  const changed = new Array<number>(cells).fill(0);
  // Empty bitmaps (the common case for two of the three) cost nothing: count() is constant time.
  const countToCopy = toCopy.count() > 0;
  const diffs = [sourceDiff, targetDiff].filter((bitmap) => bitmap.count() > 0);
  const otherDiffs = diffs.slice(1);
  for (let cell = 0; cell < cells; cell += 1) {
    const first = cell * grainsPerCell;
    const count = Math.min(grainsPerCell, grainCount - first);
    remaining[cell] = countToCopy ? toCopy.countRange(first, count) : 0;
    copied[cell] = count - remaining[cell]!;
    if (diffs.length > 0) changed[cell] = diffs[0]!.countRangeUnion(otherDiffs, first, count);
  }
  const counts = { copied: grainCount - toCopy.count(), toCopy: toCopy.count(), changed: diffs.length === 0 ? 0 : diffs[0]!.countUnion(otherDiffs) };
  return { grainCount, grainBytes: relationship.grainBytes, cells, grainsPerCell, copied, toCopy: remaining, changed, counts };
}
