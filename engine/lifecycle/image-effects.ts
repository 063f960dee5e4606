// What an effect does to volumes' images beyond the relationship's own bitmaps (effects.ts):
// before a new T0, whatever copies from the target gets the rest of the old image; a normal
// reverse restore completes the target first; a quick restore swaps the images; afterwards the
// other relationships on the volume record the change, and image notes are set or cleared.
import type { Relationship } from '../copy/relationship';
import type { Effect } from '../copy/types';
import type { EngineState } from '../core/state';
import { excludeRestoredGrains, materialise, preserveBeforeNewImage } from '../io/chain';
import { applyWriteRules } from '../io/host-io';
import { skipGrainsAlike } from '../io/snapshot-restore';
import { noteImage } from './state-actions';

const NEW_IMAGE: readonly Effect[] = ['point-in-time', 'split', 'refresh', 'reverse-restore', 'fast-reverse-restore'];

/** What afterEffect needs from before the effect: the volume a fast reverse restore leaves unusable. */
export interface BeforeEffect {
  unusableVolumeId: string | null;
}

export function beforeEffect(s: EngineState, relationship: Relationship, effect: Effect): BeforeEffect {
  if (effect === 'reverse-restore') materialise(s.io, relationship, 0, relationship.grainCount);
  if (effect === 'quick-restore') announce(s, swapImages(s, relationship));
  const unusableVolumeId = effect === 'fast-reverse-restore' && relationship.toCopy.count() > 0 ? relationship.targetVolumeId : null;
  if (NEW_IMAGE.includes(effect)) {
    // The target is about to present other bytes: what copies from it gets the rest of its image first.
    relationship.joinedChain = false;
    announce(s, preserveBeforeNewImage(s.io, relationship));
  }
  // The target's image changes where its uncopied grains are given up.
  if (effect === 'discard-target' && relationship.joinedChain) markImageChanged(s, relationship);
  return { unusableVolumeId };
}

export function afterEffect(s: EngineState, relationship: Relationship, effect: Effect, before: BeforeEffect): void {
  if (effect === 'full-copy') skipGrainsAlike(s.io, relationship);
  if (NEW_IMAGE.includes(effect)) {
    excludeRestoredGrains(s.io, relationship);
    // The target's image changed where the new T0 redirects.
    markImageChanged(s, relationship);
    noteImage(s, relationship.targetVolumeId, null);
  }
  if (before.unusableVolumeId !== null) {
    noteImage(s, before.unusableVolumeId, `no usable image: ${relationship.name} was fast-reverse-restored before its copy completed`);
  }
}

/** Other relationships whose bitmaps a chain rule changed: saved and pushed like any change. */
export function announce(s: EngineState, changed: Iterable<Relationship>): void {
  for (const other of changed) {
    other.updatedAtMs = s.clock.nowMs();
    s.emit({ kind: 'copy.progress', copyId: other.id, arrayId: other.arrayId, cause: 'chain' });
  }
}

/**
 * The target of `relationship` presents other bytes on its grains to copy: every other
 * relationship holding that volume records them as changed (an incremental mapping copying from
 * it must copy them again).
 */
function markImageChanged(s: EngineState, relationship: Relationship): void {
  const volumeId = relationship.targetVolumeId;
  for (const { relationship: other, spec } of s.holdings(volumeId)) {
    if (other === relationship) continue;
    // A mirror copying from it (an XP7 layer-2 pair in PAIR) copies those grains again.
    if (spec.data === 'mirror' && spec.copier === 'forward' && other.sourceVolumeId === volumeId) {
      if (other.toCopy.grainCount === relationship.toCopy.grainCount) other.toCopy.union(relationship.toCopy);
      else other.toCopy.setRange(0, other.grainCount);
    }
    if (!spec.trackChanges) continue;
    const diff = other.sourceVolumeId === volumeId ? other.sourceDiff : other.targetDiff;
    if (diff.grainCount === relationship.toCopy.grainCount) diff.union(relationship.toCopy);
    else if (relationship.toCopy.count() > 0) diff.setRange(0, diff.grainCount);
  }
}

/**
 * XP7 quick restore: the P-VOL and S-VOL exchange their data where it differs (grains changed on
 * either since the split; elsewhere they are equal). The P-VOL's side counts as a host write for
 * its other pairs (their rules run first); the S-VOL belongs to this pair alone.
 */
function swapImages(s: EngineState, relationship: Relationship): Set<Relationship> {
  const changed = relationship.sourceDiff.clone();
  changed.union(relationship.targetDiff);
  changed.union(relationship.toCopy);
  const others = s.holdings(relationship.sourceVolumeId).filter((h) => h.relationship !== relationship);
  // The S-VOL may be a layer-1 S-VOL, the P-VOL of layer-2 pairs.
  const below = s.holdings(relationship.targetVolumeId).filter((h) => h.relationship !== relationship);
  const touched = new Set<Relationship>();
  const source = s.store(relationship.sourceVolumeId);
  const target = s.store(relationship.targetVolumeId);
  let grain = changed.nextSet(0);
  while (grain >= 0) {
    const clear = changed.nextClear(grain);
    const stop = clear < 0 ? relationship.grainCount : clear;
    const offsetBytes = grain * relationship.grainBytes;
    const lengthBytes = Math.min(stop * relationship.grainBytes, relationship.sourceCapacityBytes) - offsetBytes;
    const sourceBytes = source.read(offsetBytes, lengthBytes);
    const targetBytes = target.read(offsetBytes, lengthBytes);
    for (const other of applyWriteRules(s.io, relationship.sourceVolumeId, others, offsetBytes, lengthBytes)) touched.add(other);
    for (const other of applyWriteRules(s.io, relationship.targetVolumeId, below, offsetBytes, lengthBytes)) touched.add(other);
    for (const { relationship: other } of [...others, ...below]) touched.add(other);
    source.write(offsetBytes, targetBytes);
    target.write(offsetBytes, sourceBytes);
    grain = clear < 0 ? -1 : changed.nextSet(stop);
  }
  return touched;
}
