// Injecting and clearing faults: what each does to volumes and copies, through the service
// tables' automatic events, and the consequences stated before they happen.
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { automaticTransition } from '../copy/tables';
import type { AutomaticEvent } from '../copy/types';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { automatic } from '../lifecycle/lifecycle';
import { otherSlot, type ArrayState, type ControllerSlot } from '../model';
import { settle } from '../schedule/tick';
import { rebalance, refreshStatus, setController } from './controllers';
import { ARRAY_DOWN_EVENT, type Fault, type FaultInput } from './fault';
import { FAULTS_MAX } from './fault-book';
import { addFault, forgetFault } from './fault-record';
import { hasOnlineController } from './ownership';

export function injectFault(s: EngineState, input: FaultInput): Fault {
  if (s.faultBook.size() >= FAULTS_MAX) throw new EngineError('conflict', `${FAULTS_MAX} faults are in force already: clear some first`);
  switch (input.kind) {
    case 'volume-io-error':
      return injectIoError(s, input.volumeId);
    case 'metadata-loss':
      return injectMetadataLoss(s, input.copyId);
    case 'controller-failure':
      return failController(s, input.arrayId, input.slot);
  }
}

/** Ends a fault. Copies an I/O error put in an error state stay there: recovering them is an action. */
export function clearFault(s: EngineState, id: string): Fault {
  const fault = s.requireFault(id);
  if (fault.kind === 'controller-failure') {
    assert(fault.slot !== null, `controller fault ${fault.id} names no controller`);
    restoreController(s, fault.arrayId, fault.slot);
    return fault;
  }
  forgetFault(s, fault, 'cleared');
  if (fault.volumeId !== null) refreshStatus(s, s.requireVolume(fault.volumeId));
  const relationship = fault.copyId === null ? undefined : s.relationships.get(fault.copyId);
  if (relationship !== undefined && fault.kind === 'metadata-loss') automatic(s, relationship, 'recovered', fault.resumeState ?? undefined);
  settle(s, 'marked');
  return fault;
}

/** Why the controller cannot fail now, or null. */
export function failBlock(array: ArrayState, slot: ControllerSlot): string | null {
  return array.controllers[slot] !== 'online' ? `controller ${slot} of ${array.name} is already offline` : null;
}

/** Fails a controller: the survivor takes over its volumes, or, if it was the last, the array's volumes go offline. */
export function failController(s: EngineState, arrayId: string, slot: ControllerSlot): Fault {
  const array = s.requireArray(arrayId);
  const blocked = failBlock(array, slot);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const survivor = otherSlot(slot);
  const last = array.controllers[survivor] !== 'online';
  const owned = s.fleet.volumesOf(arrayId).filter((volume) => volume.currentOwner === slot).length;
  const effect = last
    ? arrayDownEffect(s, array)
    : `${owned} ${owned === 1 ? 'volume moves' : 'volumes move'} to controller ${survivor}; copies continue there`;
  const fault = addFault(s, {
    kind: 'controller-failure',
    arrayId,
    volumeId: null,
    copyId: null,
    slot,
    targetName: `controller ${slot}`,
    effect,
    resumeState: null,
  });
  setController(s, array, slot, 'offline', `fault ${fault.id}`);
  if (last) arrayDown(s, array);
  else rebalance(s, array, `controller ${slot} failed: controller ${survivor} takes over`);
  settle(s, 'marked');
  return fault;
}

/** Why the controller cannot be restored now, or null. */
export function restoreBlock(array: ArrayState, slot: ControllerSlot): string | null {
  return array.controllers[slot] === 'online' ? `controller ${slot} of ${array.name} is online: there is nothing to restore` : null;
}

/** Brings a controller back: volumes fail back to their preferred owner (an in-progress volume copy's target stays with its source). */
export function restoreController(s: EngineState, arrayId: string, slot: ControllerSlot): void {
  const array = s.requireArray(arrayId);
  const blocked = restoreBlock(array, slot);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const wasDown = !hasOnlineController(array.controllers);
  const fault = s.faultBook.controllerFailure(arrayId, slot);
  if (fault !== undefined) forgetFault(s, fault, `controller ${slot} restored`);
  setController(s, array, slot, 'online', fault === undefined ? 'restored' : `fault ${fault.id} cleared`);
  rebalance(s, array, `controller ${slot} restored: volumes fail back to their preferred controller`);
  if (wasDown) for (const volume of s.fleet.volumesOf(arrayId)) refreshStatus(s, volume);
  settle(s, 'marked');
}

/** Why the volume cannot get an I/O error now, or null. */
export function ioErrorBlock(s: EngineState, volumeId: string): string | null {
  const volume = s.requireVolume(volumeId);
  const existing = s.faultBook.ioErrorOn(volumeId);
  return existing === undefined ? null : `volume ${volume.name} already has an I/O error (fault ${existing.id})`;
}

function injectIoError(s: EngineState, volumeId: string): Fault {
  const volume = s.requireVolume(volumeId);
  const blocked = ioErrorBlock(s, volumeId);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const hit = s.copiesOf(volumeId);
  const changes = predict(s, hit, 'fault').map((change) => change.text);
  const effect = [`hosts cannot read or write ${volume.name}`, ...changes].join('; ');
  const fault = addFault(s, {
    kind: 'volume-io-error',
    arrayId: volume.arrayId,
    volumeId,
    copyId: null,
    slot: null,
    targetName: volume.name,
    effect,
    resumeState: null,
  });
  for (const relationship of hit) automatic(s, relationship, 'fault');
  refreshStatus(s, volume);
  settle(s, 'marked');
  return fault;
}

/** Why the mapping cannot lose its metadata access now (EngineError to throw), or null. */
export function metadataLossBlock(s: EngineState, copyId: string): EngineError | null {
  const relationship = s.requireCopy(copyId);
  const table = s.tableOf(relationship);
  if (table.automatic['metadata-lost'] === undefined) {
    const reason = `losing FlashCopy metadata access is a Storwize fault; copy ${relationship.name} is a ${relationship.type} on a ${relationship.model} array`;
    return new EngineError('rule', reason, [reason]);
  }
  const existing = s.faultBook.metadataLossOf(copyId);
  if (existing !== undefined) return new EngineError('conflict', `mapping ${relationship.name} has already lost metadata access (fault ${existing.id})`);
  if (automaticTransition(table, 'metadata-lost', relationship.state) === undefined) {
    return new EngineError(
      'conflict',
      `mapping ${relationship.name} is ${relationship.state}: losing metadata access suspends only a mapping that is copying or stopping ("the mapping started, but it did not complete")`,
    );
  }
  return null;
}

function injectMetadataLoss(s: EngineState, copyId: string): Fault {
  const blocked = metadataLossBlock(s, copyId);
  if (blocked !== null) throw blocked;
  const relationship = s.requireCopy(copyId);
  const source = s.requireVolume(relationship.sourceVolumeId).name;
  const target = s.requireVolume(relationship.targetVolumeId).name;
  const effect = `${relationship.state} → suspended: source ${source} and target ${target} offline until access returns`;
  const fault = addFault(s, {
    kind: 'metadata-loss',
    arrayId: relationship.arrayId,
    volumeId: null,
    copyId,
    slot: null,
    targetName: `mapping ${source} → ${target}`,
    effect,
    resumeState: relationship.state,
  });
  automatic(s, relationship, 'metadata-lost');
  return fault;
}

export interface PredictedChange {
  relationship: Relationship;
  to: string;
  /** "volume-copy c3: in-progress → failed" */
  text: string;
}

/** The state each relationship would move to on the event, for those it moves. */
export function predict(s: EngineState, relationships: readonly Relationship[], event: AutomaticEvent): PredictedChange[] {
  return relationships.flatMap((relationship) => {
    const row = automaticTransition(s.tableOf(relationship), event, relationship.state);
    return row === undefined ? [] : [{ relationship, to: row.to, text: `${relationship.type} ${relationship.name}: ${relationship.state} → ${row.to}` }];
  });
}

function arrayDownEffect(s: EngineState, array: ArrayState): string {
  const volumes = s.fleet.volumesOf(array.id).length;
  const event = ARRAY_DOWN_EVENT[array.model];
  const changes = event === null ? [] : predict(s, s.relationshipsOn(array.id), event).map((change) => change.text);
  const copies = event === null ? 'copies pause until a controller returns' : changes.length === 0 ? 'no copy is affected' : changes.join('; ');
  return `no controller of ${array.name} is online: its ${volumes} volumes go offline; ${copies}`;
}

function arrayDown(s: EngineState, array: ArrayState): void {
  const event = ARRAY_DOWN_EVENT[array.model];
  if (event !== null) for (const relationship of s.relationshipsOn(array.id)) automatic(s, relationship, event);
  for (const volume of s.fleet.volumesOf(array.id)) refreshStatus(s, volume);
}
