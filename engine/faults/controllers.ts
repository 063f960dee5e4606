// Controllers and volume ownership: who owns each volume, failing and restoring controllers,
// and the volume status that follows from the faults in force.
import { EngineError } from '../errors';
import type { Relationship } from '../copy/relationship';
import type { EngineState } from '../core/state';
import type { ArrayState, ControllerSlot, ControllerStatus, VolumeState, VolumeStatus } from '../model';
import { desiredOwner } from './ownership';

/** Moves a volume to a controller; the target of a relationship whose state makes it follow its source goes too. */
export function moveVolume(s: EngineState, volumeId: string, to: ControllerSlot, reason: string): void {
  const volume = s.requireVolume(volumeId);
  if (volume.currentOwner === to) return;
  const from = volume.currentOwner;
  volume.currentOwner = to;
  s.emit({ kind: 'volume.owner-changed', volumeId, arrayId: volume.arrayId, from, to, reason });
  s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
  for (const { relationship, spec } of s.holdings(volumeId)) {
    if (spec.targetFollowsSource === true && relationship.sourceVolumeId === volumeId) {
      moveVolume(s, relationship.targetVolumeId, to, `follows source ${volume.name} of ${s.tableOf(relationship).noun} ${relationship.name}`);
    }
  }
}

/** Why the administrator cannot give the volume to controller `to` now, or null. */
export function ownerChangeBlock(s: EngineState, volumeId: string, to: ControllerSlot): string | null {
  const volume = s.requireVolume(volumeId);
  const array = s.requireArray(volume.arrayId);
  if (array.controllers[to] !== 'online') return `controller ${to} of ${array.name} is offline: it cannot take ${volume.name}`;
  const led = s.holdings(volumeId).find(({ relationship, spec }) => spec.targetFollowsSource === true && relationship.targetVolumeId === volumeId);
  if (led !== undefined) {
    const source = s.requireVolume(led.relationship.sourceVolumeId).name;
    if (led.relationship.type === 'snapshot') return `${volume.name} is a snapshot of ${source}, whose controller owns it: change ${source}'s owner instead`;
    return `${volume.name} is the target of ${s.tableOf(led.relationship).noun} ${led.relationship.name}, in progress: it follows its source ${source}; change ${source}'s owner instead`;
  }
  return null;
}

/**
 * The administrator gives the volume to a controller: it becomes its preferred owner and owns it
 * now; the target of a copy in progress from it follows (the SANtricity manual's rule).
 */
export function changeOwner(s: EngineState, volumeId: string, to: ControllerSlot): void {
  const blocked = ownerChangeBlock(s, volumeId, to);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const volume = s.requireVolume(volumeId);
  const changed = volume.preferredOwner !== to;
  volume.preferredOwner = to;
  moveVolume(s, volumeId, to, `the administrator gave ${volume.name} to controller ${to}`);
  if (changed) s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
}

/** Whether the volume is a target that follows its source's controller now. */
export function followsSource(s: EngineState, volumeId: string): boolean {
  return s.holdings(volumeId).some(({ relationship, spec }) => spec.targetFollowsSource === true && relationship.targetVolumeId === volumeId);
}

export function setController(s: EngineState, array: ArrayState, slot: ControllerSlot, to: ControllerStatus, cause: string): void {
  const from = array.controllers[slot];
  array.controllers[slot] = to;
  s.emit({ kind: 'controller.changed', arrayId: array.id, arrayName: array.name, slot, from, to, cause });
}

/** The controller the volume should move to with these controllers (ownership.ts), or null to stay. */
export function ownerMove(s: EngineState, volume: VolumeState, controllers: ArrayState['controllers']): ControllerSlot | null {
  // The target of an in-progress volume copy moves with its source, and returns to its own
  // controller only when the copy ends.
  if (followsSource(s, volume.id) && controllers[volume.currentOwner] === 'online') return null;
  const to = desiredOwner(volume, controllers);
  return to !== null && to !== volume.currentOwner ? to : null;
}

/** Moves every volume to the controller that should own it now. */
export function rebalance(s: EngineState, array: ArrayState, reason: string): void {
  // Judged volume by volume as the moves happen: an earlier move may have taken a follower along.
  for (const volume of s.fleet.volumesOf(array.id)) {
    const move = ownerMove(s, volume, array.controllers);
    if (move !== null) moveVolume(s, volume.id, move, reason);
  }
}

/**
 * A volume's status, with the reason: offline with no controller, failed with an I/O error, and
 * offline where a relationship's state takes it from hosts (a Storwize target while its mapping
 * stops or is stopped, both volumes while the mapping's metadata is lost).
 */
export function statusOf(s: EngineState, volume: VolumeState): { status: VolumeStatus; reason: string | null } {
  if (!s.arrayUp(volume.arrayId))
    return { status: 'offline', reason: `no controller of array ${s.fleet.array(volume.arrayId)?.name ?? volume.arrayId} is online` };
  const ioError = s.faultBook.ioErrorOn(volume.id);
  if (ioError !== undefined) return { status: 'failed', reason: `I/O error (fault ${ioError.id})` };
  for (const { relationship, spec } of s.holdings(volume.id)) {
    const isTarget = relationship.targetVolumeId === volume.id;
    const copied = spec.targetOnlineIfCopied === true && relationship.cycleGrains > 0 && relationship.toCopy.count() === 0;
    const offline = isTarget ? spec.targetStatus === 'offline' && !copied : spec.sourceStatus === 'offline';
    if (offline && relationship.type === 'snapshot')
      return {
        status: 'offline',
        reason: `snapshot ${relationship.state}${relationship.state === 'failed' ? ' (its repository filled up, or an I/O error)' : ''}: re-create it`,
      };
    if (offline)
      return {
        status: 'offline',
        reason: `${isTarget ? 'target' : 'source'} of ${s.tableOf(relationship).noun} ${relationship.name}, which is ${relationship.state}`,
      };
  }
  return { status: 'online', reason: null };
}

export function refreshStatus(s: EngineState, volume: VolumeState): void {
  const { status, reason } = statusOf(s, volume);
  if (status === volume.status && reason === (volume.statusReason ?? null)) return;
  volume.status = status;
  volume.statusReason = reason;
  s.emit({ kind: 'volume.changed', volumeId: volume.id, arrayId: volume.arrayId });
}

/** Refuses host I/O to a volume a fault holds, naming the fault (423, like every refused access). */
export function checkReachable(s: EngineState, volume: VolumeState, want: 'read' | 'write'): void {
  const ioError = s.faultBook.ioErrorOn(volume.id);
  if (ioError !== undefined)
    throw new EngineError('locked', `volume ${volume.name} has an I/O error (fault ${ioError.id}): hosts cannot ${want} it until the fault is cleared`);
  if (!s.arrayUp(volume.arrayId)) throw new EngineError('locked', `volume ${volume.name} is offline: no controller of its array is online`);
}

/** While a copy runs on the source's controller, that controller owns the target too. */
export function takeTargetOwner(s: EngineState, relationship: Relationship): void {
  const source = s.requireVolume(relationship.sourceVolumeId);
  const target = s.requireVolume(relationship.targetVolumeId);
  if (target.currentOwner === source.currentOwner) return;
  relationship.targetOwnerBeforeCopy = target.currentOwner;
  moveVolume(s, target.id, source.currentOwner, `${s.tableOf(relationship).noun} ${relationship.name} in progress: the source's controller owns both volumes`);
}

export function restoreTargetOwner(s: EngineState, relationship: Relationship): void {
  const original = relationship.targetOwnerBeforeCopy;
  relationship.targetOwnerBeforeCopy = null;
  if (original === null) return;
  const array = s.fleet.array(relationship.arrayId);
  if (array?.controllers[original] !== 'online') return;
  moveVolume(
    s,
    relationship.targetVolumeId,
    original,
    `${s.tableOf(relationship).noun} ${relationship.name} is no longer in progress: the target returns to its original controller`,
  );
}
