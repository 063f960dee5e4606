// The one host I/O path. Every read and write of a volume passes every relationship holding it:
// point-in-time targets read uncopied grains through their chain (chain.ts) and a write first
// saves the grain for every image that reads it (copy-on-write); mirrors mark written grains to
// copy again; split and tracked states record differences.
import type { GrainBytes } from '../data/grain-copy';
import type { VolumeStore } from '../data/volume-store';
import { grainByteRange, grainSpan, setRunEnd, type Relationship } from '../copy/relationship';
import type { Holding } from './access';
import { isMember, materialise, preserveBeforeWrite, readImage, type ChainWorld } from './chain';

export interface IoStores extends ChainWorld {
  store(volumeId: string): VolumeStore;
  /** Copies grains [first, first + count) between stores, thin-aware; returns bytes actually written. */
  copy(from: VolumeStore, to: VolumeStore, grainBytes: GrainBytes, first: number, count: number): number;
  /**
   * Before the rules of a write apply: what must change first (a SANtricity snapshot whose
   * repository cannot hold the grains it would save fails, commands/snapshots.ts).
   */
  beforeWrite(volumeId: string, offsetBytes: number, lengthBytes: number): void;
}

/** Calls `visit(first, count)` for each run of set grains of `rel.toCopy` within [first, end). */
function visitToCopyRuns(relationship: Relationship, first: number, end: number, visit: (runFirst: number, runCount: number) => void): void {
  let grain = relationship.toCopy.nextSet(first);
  let guard = relationship.grainCount + 1;
  while (grain >= 0 && grain < end) {
    guard -= 1;
    if (guard < 0) throw new Error('toCopy scan did not terminate');
    const runEnd = setRunEnd(relationship.toCopy, grain, Math.min(end, relationship.grainCount));
    visit(grain, runEnd - grain);
    grain = runEnd >= end ? -1 : relationship.toCopy.nextSet(runEnd);
  }
}

function runBytes(relationship: Relationship, first: number, count: number): { offsetBytes: number; lengthBytes: number } {
  const offsetBytes = first * relationship.grainBytes;
  const last = grainByteRange(relationship, first + count - 1);
  return { offsetBytes, lengthBytes: last.offsetBytes + last.lengthBytes - offsetBytes };
}

/**
 * Target write: the grains it touches become the target's own, so the background copy never
 * overwrites them. A grain the write covers wholly needs no T0 data when the data lands at once;
 * a partly written one does, and so does every grain of a write whose data waits for a save
 * (reads meanwhile must see T0's data, not what the target held before T0).
 */
function claimForTargetWrite(
  io: IoStores,
  relationship: Relationship,
  first: number,
  end: number,
  writeStartBytes: number,
  writeEndBytes: number,
  dataNow: boolean,
): void {
  visitToCopyRuns(relationship, first, end, (runFirst, runCount) => {
    for (let grain = runFirst; grain < runFirst + runCount; grain += 1) {
      const bytes = grainByteRange(relationship, grain);
      const covered = writeStartBytes <= bytes.offsetBytes && writeEndBytes >= bytes.offsetBytes + bytes.lengthBytes;
      if (!covered || !dataNow) materialise(io, relationship, grain, 1);
    }
    relationship.toCopy.clearRange(runFirst, runCount);
  });
}

function onSourceWrite({ relationship, spec }: Holding, offsetBytes: number, lengthBytes: number): void {
  const { first, count } = grainSpan(relationship, offsetBytes, lengthBytes);
  if (count === 0) return;
  if (spec.data === 'mirror' && spec.copier === 'forward') relationship.toCopy.setRange(first, count);
  if (spec.trackChanges) relationship.sourceDiff.setRange(first, count);
}

function onTargetWrite(io: IoStores, { relationship, spec }: Holding, offsetBytes: number, lengthBytes: number, dataNow: boolean): void {
  const { first, count } = grainSpan(relationship, offsetBytes, lengthBytes);
  if (count === 0) return;
  if (isMember(relationship, spec)) {
    claimForTargetWrite(io, relationship, first, first + count, offsetBytes, offsetBytes + lengthBytes, dataNow);
  }
  if (spec.trackChanges) relationship.targetDiff.setRange(first, count);
}

/**
 * Every relationship's rules for a write, without the write itself: the grains of every
 * point-in-time image that reads these bytes are saved first (copy-on-write, through chains),
 * grains are marked to copy again, differences recorded. Access was checked by the caller.
 * `dataNow`: the data is written right after (false when it waits in the deferred queue).
 * Returns the relationships beyond `holdings` whose bitmaps changed (older mappings of a chain).
 */
export function applyWriteRules(
  io: IoStores,
  volumeId: string,
  holdings: readonly Holding[],
  offsetBytes: number,
  lengthBytes: number,
  dataNow = true,
): Set<Relationship> {
  io.beforeWrite(volumeId, offsetBytes, lengthBytes);
  const touched = preserveBeforeWrite(io, volumeId, offsetBytes, offsetBytes + lengthBytes);
  for (const holding of holdings) {
    touched.delete(holding.relationship);
    if (holding.relationship.sourceVolumeId === volumeId) onSourceWrite(holding, offsetBytes, lengthBytes);
    else onTargetWrite(io, holding, offsetBytes, lengthBytes, dataNow);
  }
  return touched;
}

/** Applies every relationship's write rules, then stores the data. Access was checked by the caller. */
export function writeThrough(io: IoStores, volumeId: string, holdings: readonly Holding[], offsetBytes: number, data: Uint8Array): void {
  applyWriteRules(io, volumeId, holdings, offsetBytes, data.length);
  io.store(volumeId).write(offsetBytes, data);
}

/** Overlays, onto `buffer` (the volume's own bytes at offsetBytes), grains the volume presents from its partner. */
function overlay(io: IoStores, relationship: Relationship, fromVolumeId: string, buffer: Uint8Array, offsetBytes: number): void {
  const { first, count } = grainSpan(relationship, offsetBytes, buffer.length);
  if (count === 0) return;
  const from = io.store(fromVolumeId);
  const endBytes = offsetBytes + buffer.length;
  visitToCopyRuns(relationship, first, first + count, (runFirst, runCount) => {
    const run = runBytes(relationship, runFirst, runCount);
    const start = Math.max(run.offsetBytes, offsetBytes);
    const stop = Math.min(run.offsetBytes + run.lengthBytes, endBytes);
    if (stop > start) from.readInto(start, buffer.subarray(start - offsetBytes, stop - offsetBytes));
  });
}

/** What a host reads: the volume's image through its chain, and a P-VOL's image during a reverse resync. */
export function readThrough(io: IoStores, volumeId: string, holdings: readonly Holding[], offsetBytes: number, lengthBytes: number): Uint8Array {
  const buffer = readImage(io, volumeId, offsetBytes, lengthBytes);
  for (const { relationship, spec } of holdings) {
    // During a reverse resync the P-VOL already presents the S-VOL image it is being restored to.
    if (relationship.sourceVolumeId === volumeId && spec.copier === 'reverse') overlay(io, relationship, relationship.targetVolumeId, buffer, offsetBytes);
  }
  return buffer;
}
