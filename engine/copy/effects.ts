// What a transition does to a relationship's bitmaps (types.ts `Effect`).
import type { GrainBitmap } from '../data/grain-bitmap';
import { beginCycle, type Relationship } from './relationship';
import type { Effect } from './types';

function changedSincePointInTime(relationship: Relationship) {
  const changed = relationship.sourceDiff.clone();
  changed.union(relationship.targetDiff);
  changed.union(relationship.toCopy);
  return changed;
}

function clearDiffs(relationship: Relationship): void {
  relationship.sourceDiff.clearRange(0, relationship.grainCount);
  relationship.targetDiff.clearRange(0, relationship.grainCount);
}

/** A new T0: `toCopy` are the grains the target must still receive; differences count from now. */
function takePointInTime(relationship: Relationship, toCopy: GrainBitmap | 'all', nowMs: number): void {
  beginCycle(relationship, toCopy);
  clearDiffs(relationship);
  relationship.pointInTimeMs = nowMs;
  relationship.lastStartedMs = nowMs;
  relationship.joinedChain = true;
}

export function applyEffect(relationship: Relationship, effect: Effect, nowMs: number): void {
  switch (effect) {
    case 'none':
      return;
    case 'full-copy':
      beginCycle(relationship, 'all');
      clearDiffs(relationship);
      relationship.pointInTimeMs = null;
      // A copy that ran is told apart from one created without starting (never started).
      relationship.lastStartedMs = nowMs;
      return;
    case 'point-in-time': {
      // Decided here only: an incremental mapping with a complete copy behind it copies the differences.
      const incremental = 'incremental' in relationship.options && relationship.options.incremental && relationship.copiedOnce;
      takePointInTime(relationship, incremental ? changedSincePointInTime(relationship) : 'all', nowMs);
      return;
    }
    case 'resync-forward':
    case 'resync-reverse':
      beginCycle(relationship, changedSincePointInTime(relationship));
      clearDiffs(relationship);
      relationship.pointInTimeMs = null;
      return;
    case 'split':
      // Grains still out of sync become grains the S-VOL reads from the P-VOL image of this instant.
      relationship.cycleGrains = relationship.toCopy.count();
      clearDiffs(relationship);
      relationship.pointInTimeMs = nowMs;
      relationship.joinedChain = true;
      return;
    case 'refresh':
      takePointInTime(relationship, changedSincePointInTime(relationship), nowMs);
      return;
    case 'reverse-restore':
    case 'fast-reverse-restore': {
      // The source now differs from the target's image where either changed since T0; where the
      // target never copied, the source holds that image already (normal mode copied those first).
      const changed = relationship.sourceDiff.clone();
      changed.union(relationship.targetDiff);
      // Fast: grains the target never copied hold nothing usable on it; as the new source it
      // differs from the new target there, and a later resync or reverse must know.
      const unusable = relationship.toCopy.clone();
      [relationship.sourceVolumeId, relationship.targetVolumeId] = [relationship.targetVolumeId, relationship.sourceVolumeId];
      takePointInTime(relationship, changed, nowMs);
      relationship.sourceDiff.union(unusable);
      if ('mode' in relationship.options) relationship.options = { ...relationship.options, mode: 'copy' };
      return;
    }
    case 'quick-restore':
      // The images were swapped where they differed (lifecycle.ts); those grains now differ the other way.
      beginCycle(relationship, changedSincePointInTime(relationship));
      clearDiffs(relationship);
      relationship.pointInTimeMs = null;
      return;
    case 'discard-target':
      relationship.toCopy.clearRange(0, relationship.grainCount);
      relationship.cycleGrains = 0;
      relationship.copiedOnce = false;
      relationship.pointInTimeMs = null;
      return;
  }
}
