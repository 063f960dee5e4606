// The background copier: walks a relationship's toCopy bitmap and moves grains at its rate.
// Simulated time is spent on every grain as a real array would; the real work on this machine
// skips grains that were never written (the store's move does that).
import type { GrainBytes } from '../data/grain-copy';
import type { VolumeStore } from '../data/volume-store';
import { copyImage, imagePath, materialise, redirectOf, volumesBehind, writtenAlong } from '../io/chain';
import { applyWriteRules, type IoStores } from '../io/host-io';
import { setRunEnd, type Relationship } from './relationship';
import type { CopyDirection } from './types';

export interface CopyStep {
  /** Bytes of grains copied, as the array accounts them (simulated work). */
  accountedBytes: number;
  /** Bytes this machine actually read and wrote. */
  movedBytes: number;
  /** Other relationships whose bitmaps the copy's writes changed (pairs cascading from the volume written). */
  touched: Set<Relationship>;
}

/**
 * What one copy step has learnt of the stores and the bitmap, so that each written grain does not
 * rescan the same stretch again (on a sparse 1 TiB volume, every written grain rescanned the
 * rest of the step's range). Valid because a step only moves forward, and writes (and clears
 * toCopy) only behind the position it asks about next.
 */
interface ScanMemo {
  /** Per store: it holds nothing in [the position asked about, this offset). */
  clearUntilBytes: Map<VolumeStore, number>;
  /** toCopy is set in every grain of [the position asked about, this grain). */
  setUntilGrain: number;
}

/**
 * The first grain in [grain, limit) holding data on any store, or `limit`. Each store is asked
 * only about that range (less what the memo already knows), so the cost follows the range, not the volume.
 */
function firstWrittenGrain(written: readonly VolumeStore[], to: VolumeStore, relationship: Relationship, grain: number, limit: number, memo: ScanMemo): number {
  const startBytes = grain * relationship.grainBytes;
  const endBytes = Math.min(limit * relationship.grainBytes, relationship.sourceCapacityBytes);
  let first = limit;
  // The stores behind holding data, then the target (which the step writes as it goes, always
  // behind the position it asks about next).
  for (let index = 0; index <= written.length; index += 1) {
    const store = index < written.length ? written[index]! : to;
    // A target never written yet answers at once.
    if (store.allocatedBytes() === 0) continue;
    const fromBytes = Math.max(startBytes, memo.clearUntilBytes.get(store) ?? 0);
    if (fromBytes >= endBytes) continue;
    if (!store.isAllocated(fromBytes, endBytes - fromBytes)) {
      memo.clearUntilBytes.set(store, endBytes);
      continue;
    }
    const nextBytes = store.nextAllocatedOffset(fromBytes);
    memo.clearUntilBytes.set(store, nextBytes);
    first = Math.min(first, Math.floor(nextBytes / relationship.grainBytes));
  }
  return first;
}

/** setRunEnd(toCopy, grain, limit), scanning only past what the memo knows is set. */
function setRunEndMemo(relationship: Relationship, grain: number, limit: number, memo: ScanMemo): number {
  if (memo.setUntilGrain >= limit) return limit;
  const end = setRunEnd(relationship.toCopy, Math.max(grain, memo.setUntilGrain), limit);
  memo.setUntilGrain = end;
  return end;
}

/** Budget beyond this many seconds of copying is not carried over (no bursts after a pause). */
const BUDGET_CARRY_SECONDS = 1;

/**
 * Adds `rateBytesPerSec × elapsedMs` to the relationship's budget and copies whole grains while the
 * budget and `movedBytesMax` (this tick's share of real work) allow. A point-in-time copy writes
 * the image its target presents (through its chain, io/chain.ts); a mirror copies one volume's bytes.
 */
export function copyStep(
  io: IoStores,
  relationship: Relationship,
  direction: Exclude<CopyDirection, 'none'>,
  pointInTime: boolean,
  rateBytesPerSec: number,
  elapsedMs: number,
  movedBytesMax: number,
): CopyStep {
  const step: CopyStep = { accountedBytes: 0, movedBytes: 0, touched: new Set() };
  if (relationship.toCopy.count() === 0 || rateBytesPerSec <= 0) {
    relationship.budgetBytes = 0;
    return step;
  }
  const carryMax = (rateBytesPerSec * Math.max(BUDGET_CARRY_SECONDS * 1000, elapsedMs)) / 1000 + relationship.grainBytes;
  relationship.budgetBytes = Math.min(relationship.budgetBytes + (rateBytesPerSec * elapsedMs) / 1000, carryMax);
  const imageCopy = pointInTime && direction === 'forward';
  const from = io.store(direction === 'forward' ? relationship.sourceVolumeId : relationship.targetVolumeId);
  const to = io.store(direction === 'forward' ? relationship.targetVolumeId : relationship.sourceVolumeId);
  const fromVolumeId = direction === 'forward' ? relationship.sourceVolumeId : relationship.targetVolumeId;
  // Every store the copied image may come from counts for the thin skip, not only the source's own.
  const behind = imageCopy ? imagePath(io, relationship) : volumesBehind(io, fromVolumeId);
  let written = writtenAlong(io, behind);
  let grain = relationship.toCopy.nextSet(0);
  let guard = relationship.grainCount + 1;
  const memo: ScanMemo = { clearUntilBytes: new Map(), setUntilGrain: grain };
  while (grain >= 0 && step.movedBytes < movedBytesMax) {
    guard -= 1;
    if (guard < 0) throw new Error('copier scan did not terminate');
    const affordable = Math.floor(relationship.budgetBytes / relationship.grainBytes);
    if (affordable === 0) break;
    const runLimit = setRunEndMemo(relationship, grain, Math.min(relationship.grainCount, grain + affordable), memo);
    // Grains neither store ever wrote cost simulated time only: account for them in one step.
    const thinEnd = firstWrittenGrain(written, to, relationship, grain, runLimit, memo);
    if (thinEnd > grain) {
      const thinBytes = Math.min(thinEnd * relationship.grainBytes, relationship.sourceCapacityBytes) - grain * relationship.grainBytes;
      relationship.toCopy.clearRange(grain, thinEnd - grain);
      step.accountedBytes += thinBytes;
      relationship.budgetBytes -= (thinEnd - grain) * relationship.grainBytes;
      grain = relationship.toCopy.nextSet(thinEnd);
      continue;
    }
    const movable = Math.max(1, Math.ceil((movedBytesMax - step.movedBytes) / relationship.grainBytes));
    const runEnd = Math.min(runLimit, grain + movable);
    const offsetBytes = grain * relationship.grainBytes;
    const lengthBytes = Math.min(runEnd * relationship.grainBytes, relationship.sourceCapacityBytes) - offsetBytes;
    if (!imageCopy) {
      // The volume written may be the source of other pairs (an XP7 layer-1 S-VOL): their rules first.
      const toVolumeId = direction === 'forward' ? relationship.targetVolumeId : relationship.sourceVolumeId;
      const others = io.holdings(toVolumeId).filter((h) => h.relationship !== relationship);
      if (others.length > 0) {
        for (const other of [...applyWriteRules(io, toVolumeId, others, offsetBytes, lengthBytes), ...others.map((h) => h.relationship)])
          step.touched.add(other);
        // Their rules may write other volumes in whole grains of their own size, past this run: forget what was scanned.
        memo.clearUntilBytes.clear();
        written = writtenAlong(io, behind);
      }
    }
    if (imageCopy) step.movedBytes += materialise(io, relationship, grain, runEnd - grain);
    // A mirror of a volume that itself presents another's image (an XP7 layer-1 S-VOL split) copies that image.
    else if (redirectOf(io, fromVolumeId) !== undefined) step.movedBytes += copyImage(io, fromVolumeId, to, offsetBytes, offsetBytes + lengthBytes);
    else step.movedBytes += io.copy(from, to, relationship.grainBytes as GrainBytes, grain, runEnd - grain);
    relationship.toCopy.clearRange(grain, runEnd - grain);
    step.accountedBytes += lengthBytes;
    relationship.budgetBytes -= (runEnd - grain) * relationship.grainBytes;
    grain = relationship.toCopy.nextSet(runEnd);
  }
  if (relationship.toCopy.count() === 0) relationship.budgetBytes = 0;
  return step;
}
