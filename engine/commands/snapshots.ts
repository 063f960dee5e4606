// SANtricity snapshot volumes (copy/snapshot.ts): taking one of a base volume, re-creating and
// disabling it, removing it, and the repository check before a write. The snapshot volume itself
// is made by the caller (the inventory names and numbers it); here it becomes a snapshot.
import { resolveOptions } from '../copy/options';
import { grainSpan, newRelationship, type Relationship } from '../copy/relationship';
import { SNAPSHOT_GRAIN_BYTES, SNAPSHOTS_PER_BASE_MAX } from '../copy/chosen-values';
import { findTransition } from '../copy/tables';
import { afterChange, register, unregister } from '../core/registry';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { automatic, enter, transition } from '../lifecycle/lifecycle';
import type { VolumeState } from '../model';
import { settle } from '../schedule/tick';
import { snapshotTable } from '../copy/snapshot';

/** The snapshot relationship whose snapshot volume is `volumeId`, if it is one. */
export function snapshotOf(s: EngineState, volumeId: string): Relationship | undefined {
  return s.copiesOf(volumeId).find((r) => r.type === 'snapshot' && r.targetVolumeId === volumeId);
}

/** The snapshots of a base volume, oldest first. */
export function snapshotsOfBase(s: EngineState, baseVolumeId: string): Relationship[] {
  return s
    .copiesOf(baseVolumeId)
    .filter((r) => r.type === 'snapshot' && r.sourceVolumeId === baseVolumeId)
    .sort((a, b) => a.createdAtMs - b.createdAtMs);
}

/** Bytes of the repository in use: the grains saved from the base or written to the snapshot since its point in time. */
export function repositoryUsedBytes(relationship: Relationship): number {
  return (relationship.grainCount - relationship.toCopy.count()) * relationship.grainBytes;
}

/** Why `base` cannot have another snapshot now, or null. */
export function snapshotBlock(s: EngineState, base: VolumeState): string | null {
  const array = s.requireArray(base.arrayId);
  if (array.model !== 'santricity') return `snapshot volumes are a SANtricity feature; ${array.name} is ${array.model}`;
  if (base.snapshot != null) return `${base.name} is a snapshot volume: take snapshots of its base instead`;
  const taken = snapshotsOfBase(s, base.id).length;
  if (taken >= SNAPSHOTS_PER_BASE_MAX) return `${base.name} already has ${taken} snapshots, the most a base volume may have (${SNAPSHOTS_PER_BASE_MAX})`;
  return null;
}

/**
 * Makes `snapshotVolumeId` (just added, with `snapshot.baseVolumeId` set) a snapshot of its base
 * at this instant.
 */
export function createSnapshot(s: EngineState, snapshotVolumeId: string): Relationship {
  const volume = s.requireVolume(snapshotVolumeId);
  const baseVolumeId = volume.snapshot?.baseVolumeId;
  if (baseVolumeId == null) throw new EngineError('invalid', `volume ${volume.name} is not a snapshot volume`);
  const base = s.requireVolume(baseVolumeId);
  const blocked = snapshotBlock(s, base);
  if (blocked !== null) throw new EngineError('rule', blocked, [blocked]);
  if (volume.capacityBytes !== base.capacityBytes) throw new EngineError('invalid', `snapshot volume ${volume.name} must be the size of its base ${base.name}`);
  const options = resolveOptions('santricity', {});
  if (!options.ok) throw new Error(`SANtricity's default options do not resolve: ${options.reasons.join('; ')}`);
  const relationship = newRelationship({
    id: s.options.newId(),
    name: volume.name,
    // Snapshots take no relationship number on the array (the copies' numbering is theirs alone).
    number: 0,
    model: 'santricity',
    type: 'snapshot',
    arrayId: base.arrayId,
    sourceVolumeId: base.id,
    targetVolumeId: volume.id,
    state: 'optimal',
    options: options.options,
    grainBytes: SNAPSHOT_GRAIN_BYTES,
    sourceCapacityBytes: Number(base.capacityBytes),
    consistencyGroupId: null,
    nowMs: s.clock.nowMs(),
  });
  register(s, relationship);
  s.emit({ kind: 'copy.created', copyId: relationship.id, arrayId: relationship.arrayId, state: relationship.state });
  enter(s, relationship, snapshotTable.created.started[0]!);
  afterChange(s, relationship);
  settle(s, 'marked');
  return relationship;
}

export function requireSnapshot(s: EngineState, snapshotVolumeId: string): Relationship {
  const relationship = snapshotOf(s, snapshotVolumeId);
  if (relationship === undefined) throw new EngineError('not-found', `volume ${s.requireVolume(snapshotVolumeId).name} is not a snapshot volume`);
  return relationship;
}

/** Volume copies reading the snapshot now: its image must not change or vanish under them. */
function copiesReading(s: EngineState, relationship: Relationship): Relationship[] {
  return s
    .copiesOf(relationship.targetVolumeId)
    .filter((r) => r.type === 'volume-copy' && r.sourceVolumeId === relationship.targetVolumeId && (r.state === 'pending' || r.state === 'in-progress'));
}

/** Re-create (a new point in time, the repository emptied) or disable. */
export function actOnSnapshot(s: EngineState, snapshotVolumeId: string, action: string): Relationship {
  const relationship = requireSnapshot(s, snapshotVolumeId);
  const lookup = findTransition(snapshotTable, action, relationship.state);
  if (!lookup.ok) throw new EngineError(lookup.status === 400 ? 'invalid' : 'conflict', `${relationship.name}: ${lookup.reason}`);
  const reader = copiesReading(s, relationship)[0];
  if (reader !== undefined)
    throw new EngineError('conflict', `${relationship.name} is the source of volume copy ${reader.name}, which is ${reader.state}: stop the copy first`);
  transition(s, relationship, lookup.transition, `action:${action}`);
  afterChange(s, relationship);
  settle(s, 'marked');
  return relationship;
}

/** Why the snapshot cannot be removed now, or null. */
export function snapshotRemovalBlock(s: EngineState, snapshotVolumeId: string): string | null {
  const relationship = requireSnapshot(s, snapshotVolumeId);
  const other = s.copiesOf(snapshotVolumeId).find((r) => r !== relationship);
  if (other !== undefined)
    return `snapshot ${relationship.name} is in ${other.type} relationship ${other.name} (state ${other.state}): remove the relationship first`;
  return null;
}

/** Ends the snapshot: the repository is released; the caller then deletes the snapshot volume. */
export function removeSnapshot(s: EngineState, snapshotVolumeId: string): void {
  const blocked = snapshotRemovalBlock(s, snapshotVolumeId);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  unregister(s, requireSnapshot(s, snapshotVolumeId), 'action:delete');
  settle(s, 'marked');
}

/**
 * Before `lengthBytes` at `offsetBytes` of `volumeId` change: a snapshot that would have to save
 * more than its repository holds fails first (SANtricity's default "fail snapshot volume" policy:
 * the base's writes go on). Volume copies reading a snapshot that fails fail with it.
 */
export function failFullRepositories(s: EngineState, volumeId: string, offsetBytes: number, lengthBytes: number): void {
  for (const { relationship, spec } of s.holdings(volumeId)) {
    if (relationship.type !== 'snapshot' || spec.data !== 'point-in-time') continue;
    const { first, count } = grainSpan(relationship, offsetBytes, lengthBytes);
    const newGrains = count === 0 ? 0 : relationship.toCopy.countRange(first, count);
    if (newGrains === 0) continue;
    const capacityBytes = Number(s.requireVolume(relationship.targetVolumeId).snapshot?.repositoryCapacityBytes ?? 0n);
    if (repositoryUsedBytes(relationship) + newGrains * relationship.grainBytes <= capacityBytes) continue;
    for (const reader of copiesReading(s, relationship)) automatic(s, reader, 'fault');
    automatic(s, relationship, 'repository-full');
  }
}
