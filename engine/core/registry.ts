// Which relationships exist and which volumes they hold: registering and removing them, and
// the volume roles and read-only flags that follow from them.
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { refreshStatus } from '../faults/controllers';
import { forgetFault } from '../faults/fault-record';
import { isReadOnly, roleWord } from '../io/access';
import { markActive } from '../schedule/active';
import type { EngineState } from './state';

export function register(s: EngineState, relationship: Relationship): void {
  assert(!s.relationships.has(relationship.id), `copy ${relationship.id} registered twice`);
  assert(
    s.fleet.volume(relationship.sourceVolumeId) !== undefined && s.fleet.volume(relationship.targetVolumeId) !== undefined,
    `copy ${relationship.id} names a volume that does not exist`,
  );
  assert(relationship.sourceVolumeId !== relationship.targetVolumeId, `copy ${relationship.id} copies a volume onto itself`);
  s.relationships.set(relationship.id, relationship);
  s.copyNames.add(relationship);
  for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
    const ids = s.byVolume.get(volumeId) ?? new Set<string>();
    ids.add(relationship.id);
    s.byVolume.set(volumeId, ids);
  }
  markActive(s, relationship.id);
}

/** Removes the relationship (its timer, its metadata fault, its hold on the volumes). */
export function unregister(s: EngineState, relationship: Relationship, cause: string): void {
  if (!s.relationships.has(relationship.id)) return;
  if (relationship.timerId !== null) s.clock.cancel(relationship.timerId);
  relationship.timerId = null;
  s.relationships.delete(relationship.id);
  s.copyNames.remove(relationship);
  s.active.delete(relationship.id);
  const lost = s.faultBook.metadataLossOf(relationship.id);
  if (lost !== undefined) forgetFault(s, lost, 'mapping removed');
  for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
    s.byVolume.get(volumeId)?.delete(relationship.id);
    refreshVolume(s, volumeId, true);
  }
  assert(!s.byVolume.get(relationship.sourceVolumeId)?.has(relationship.id), `copy ${relationship.id} still indexed after removal`);
  const snapshot = relationship.type === 'snapshot' ? { snapshotVolumeId: relationship.targetVolumeId } : {};
  s.emit({ kind: 'copy.removed', copyId: relationship.id, arrayId: relationship.arrayId, cause, groupId: relationship.consistencyGroupId, ...snapshot });
}

/** After any change to a relationship: its volumes' flags, and a push of its progress (and of mappings chained with it). */
export function afterChange(s: EngineState, relationship: Relationship): void {
  if (!s.relationships.has(relationship.id)) return;
  refreshVolume(s, relationship.sourceVolumeId, true);
  refreshVolume(s, relationship.targetVolumeId, true);
  s.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'command' });
  announceChained(s, relationship);
}

/**
 * Storwize mappings sharing a volume with this one: their dependents, cleaning and restore fields
 * (views/chain-view.ts) follow its changes, so they are pushed too.
 */
export function announceChained(s: EngineState, relationship: Relationship): void {
  const related = chainedWith(s, relationship, new Set());
  for (const other of related) s.emit({ kind: 'copy.progress', copyId: other.id, arrayId: other.arrayId, cause: 'chain' });
}

/**
 * Adds to `into` the Storwize mappings sharing a volume with this one (not itself); returns `into`.
 * `volumesDone`: volumes whose relationships are already in `into` (a copier pass asks for 50
 * mappings of one source), skipped.
 */
export function chainedWith(s: EngineState, relationship: Relationship, into: Set<Relationship>, volumesDone = new Set<string>()): Set<Relationship> {
  if (s.tableOf(relationship).chained !== true) return into;
  for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
    if (volumesDone.has(volumeId)) continue;
    volumesDone.add(volumeId);
    for (const id of s.byVolume.get(volumeId) ?? []) {
      const other = s.relationships.get(id);
      if (other !== undefined) into.add(other);
    }
  }
  into.delete(relationship);
  return into;
}

/** Recomputes a volume's roles and read-only flag from the relationships holding it. */
export function refreshVolume(s: EngineState, volumeId: string, announce: boolean): void {
  const volume = s.fleet.volume(volumeId);
  if (volume === undefined) return;
  const holdings = s.holdings(volumeId).filter(({ spec }) => spec.holdsVolumes);
  const roles = [...new Set(holdings.map(({ relationship }) => roleWord(relationship, volumeId)))].sort();
  const readOnly = isReadOnly(volume, holdings);
  const changed = roles.join() !== volume.roles.join() || readOnly !== volume.readOnly;
  volume.roles = roles;
  volume.readOnly = readOnly;
  if (changed && announce) s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
  // A relationship's state may take the volume from hosts (or give it back).
  refreshStatus(s, volume);
}
