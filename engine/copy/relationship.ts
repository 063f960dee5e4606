// One copy relationship as the engine holds it: its state, options, bitmaps and progress.
import assert from 'node:assert';
import { GrainBitmap } from '../data/grain-bitmap';
import type { ArrayModel, ControllerSlot } from '../model';
import type { CopyOptions } from './options';
import type { RelationshipType } from './types';

export interface Relationship {
  id: string;
  /** Unique on the array (names.ts). */
  name: string;
  /** The relationship's number on its array (SVC's mapping id). */
  number: number;
  type: RelationshipType;
  model: ArrayModel;
  arrayId: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  state: string;
  options: CopyOptions;
  grainBytes: number;
  /** Grains over the source's capacity (the last one may be partial). */
  grainCount: number;
  sourceCapacityBytes: number;
  /** Grains the copier still has to move (point-in-time: not yet copied; mirror: out of sync). */
  toCopy: GrainBitmap;
  /** Grains written on the source / target since the point in time (split, T0, last copy). */
  sourceDiff: GrainBitmap;
  targetDiff: GrainBitmap;
  /** Grains to copy when the current copy began: the denominator of percent. */
  cycleGrains: number;
  /** The instant the target presents (FlashCopy T0, split instant), simulated ms. */
  pointInTimeMs: number | null;
  /** The last point in time taken (kept after a stop, unlike pointInTimeMs): SVC's start_time. */
  lastStartedMs: number | null;
  consistencyGroupId: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  stateChangedAtMs: number;
  /** Measured background rate, bytes per simulated second (smoothed). */
  rateBytesPerSec: number;
  /** Copy budget carried between ticks, bytes (a grain needs a whole grain's budget). */
  budgetBytes: number;
  /** ShadowImage PAIR: when the last update copy ran. */
  lastUpdateCopyMs: number;
  /** Storwize: a complete copy exists, so an incremental start copies only the differences. */
  copiedOnce: boolean;
  /** Storwize: continue to copying once prepared (start on an unprepared mapping). */
  startWhenPrepared: boolean;
  /** Volume copy: order of entering the pending queue (ties of priority start oldest first). */
  queuedOrder: number;
  /** Volume copy: the controller that owned the target before the copy moved it. */
  targetOwnerBeforeCopy: ControllerSlot | null;
  /**
   * Its point-in-time image is in force since its own T0 (set by the T0, cleared on leaving the
   * point-in-time states): the target redirects uncopied grains, and other mappings may read through it.
   */
  joinedChain: boolean;
  /** Storwize cleaning: the grains to clean when the stop began (the denominator of clean progress; not saved). */
  cleanGrains: number;
  /** A pending engine timer (prepare, stopping, delete) for this relationship. */
  timerId: number | null;
  /**
   * DS6000 freeze: until when hosts may not write the source (extended long busy), simulated ms;
   * null when not frozen. Set at a T0 taken with `freeze` in a consistency group (commands/freeze.ts).
   */
  frozenUntilMs: number | null;
  /** The timer that thaws the freeze when it times out (not saved: resumed from frozenUntilMs). */
  freezeTimerId: number | null;
}

export interface NewRelationship {
  id: string;
  name: string;
  number: number;
  model: ArrayModel;
  type: RelationshipType;
  arrayId: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  state: string;
  options: CopyOptions;
  grainBytes: number;
  sourceCapacityBytes: number;
  consistencyGroupId: string | null;
  nowMs: number;
}

export function newRelationship(input: NewRelationship): Relationship {
  assert(input.grainBytes > 0 && input.sourceCapacityBytes > 0);
  const grainCount = Math.ceil(input.sourceCapacityBytes / input.grainBytes);
  return {
    ...input,
    grainCount,
    toCopy: new GrainBitmap(grainCount),
    sourceDiff: new GrainBitmap(grainCount),
    targetDiff: new GrainBitmap(grainCount),
    cycleGrains: 0,
    pointInTimeMs: null,
    lastStartedMs: null,
    createdAtMs: input.nowMs,
    updatedAtMs: input.nowMs,
    stateChangedAtMs: input.nowMs,
    rateBytesPerSec: 0,
    budgetBytes: 0,
    lastUpdateCopyMs: input.nowMs,
    copiedOnce: false,
    startWhenPrepared: false,
    targetOwnerBeforeCopy: null,
    queuedOrder: 0,
    joinedChain: false,
    cleanGrains: 0,
    timerId: null,
    frozenUntilMs: null,
    freezeTimerId: null,
  };
}

/** Replaces toCopy with `bitmap` (or all grains) and starts a new progress cycle. */
export function beginCycle(relationship: Relationship, bitmap: GrainBitmap | 'all'): void {
  if (bitmap === 'all') {
    relationship.toCopy.setRange(0, relationship.grainCount);
  } else {
    assert(bitmap.grainCount === relationship.grainCount);
    relationship.toCopy = bitmap;
  }
  relationship.cycleGrains = relationship.toCopy.count();
  relationship.budgetBytes = 0;
}

/**
 * The end of the run of set grains starting at `from`, looking no further than `limit`: the scan
 * costs O(limit - from), not the rest of a bitmap that may hold millions of grains.
 */
export function setRunEnd(bitmap: GrainBitmap, from: number, limit: number): number {
  if (limit <= from) return from;
  if (bitmap.testRangeAll(from, limit - from)) return limit;
  const clear = bitmap.nextClear(from);
  return clear < 0 || clear > limit ? limit : clear;
}

/** Grains of [0, grainCount) in the byte range [offsetBytes, offsetBytes + lengthBytes). */
export function grainSpan(relationship: Relationship, offsetBytes: number, lengthBytes: number): { first: number; count: number } {
  if (lengthBytes === 0 || offsetBytes >= relationship.sourceCapacityBytes) return { first: 0, count: 0 };
  const endBytes = Math.min(offsetBytes + lengthBytes, relationship.sourceCapacityBytes);
  const first = Math.floor(offsetBytes / relationship.grainBytes);
  const last = Math.ceil(endBytes / relationship.grainBytes);
  return { first, count: last - first };
}

export function grainByteRange(relationship: Relationship, grain: number): { offsetBytes: number; lengthBytes: number } {
  const offsetBytes = grain * relationship.grainBytes;
  return { offsetBytes, lengthBytes: Math.min(relationship.grainBytes, relationship.sourceCapacityBytes - offsetBytes) };
}
