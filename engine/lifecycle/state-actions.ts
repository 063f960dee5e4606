// What the names in the service tables' onEnter, onExit and then lists do (copy/types.ts).
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { markSiblingsForReverse, siblingsOf } from '../copy/shadowimage-siblings';
import { findTransition } from '../copy/tables';
import type { EntryAction, ExitAction, Transition, TransitionAction } from '../copy/types';
import { afterChange, unregister } from '../core/registry';
import type { EngineState } from '../core/state';
import { restoreTargetOwner, takeTargetOwner } from '../faults/controllers';
import { transition } from './lifecycle';

const ENTRY_ACTIONS: Record<EntryAction, (s: EngineState, relationship: Relationship) => void> = {
  'join-queue': (s, relationship) => {
    s.queuedCount += 1;
    relationship.queuedOrder = s.queuedCount;
  },
  'take-target-owner': takeTargetOwner,
  'start-update-cycle': (s, relationship) => {
    relationship.lastUpdateCopyMs = s.clock.nowMs();
  },
  'mark-siblings-for-reverse': (s, relationship) => markSiblingsForReverse(relationship, siblingsOf(relationship, s.copiesOf(relationship.sourceVolumeId))),
  'start-if-asked': (s, relationship) => {
    if (relationship.startWhenPrepared) startPrepared(s, relationship);
  },
  'forget-start-request': (_s, relationship) => {
    relationship.startWhenPrepared = false;
  },
  remove: (s, relationship) => unregister(s, relationship, 'automatic:deleted'),
  'mark-target-if-incomplete': (s, relationship) => {
    const left = relationship.toCopy.count();
    if (left === 0 || relationship.cycleGrains === 0) return;
    const percent = Math.max(1, Math.round((left / relationship.cycleGrains) * 100));
    noteImage(s, relationship.targetVolumeId, `incomplete FlashCopy image: ${relationship.name} ended with ${percent} % still to copy`);
  },
};

/** Records (or clears, with null) why a volume's data is not a consistent image. */
export function noteImage(s: EngineState, volumeId: string, note: string | null): void {
  const volume = s.fleet.volume(volumeId);
  if (volume === undefined || (volume.imageNote ?? null) === note) return;
  volume.imageNote = note;
  s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
}

const EXIT_ACTIONS: Record<ExitAction, (s: EngineState, relationship: Relationship) => void> = {
  'return-target-owner': restoreTargetOwner,
};

const TRANSITION_ACTIONS: Record<TransitionAction, (s: EngineState, relationship: Relationship, row: Omit<Transition, 'from'>) => void> = {
  'ask-start-when-prepared': (_s, relationship) => {
    relationship.startWhenPrepared = true;
  },
  'mark-copied-once': (_s, relationship) => {
    relationship.copiedOnce = true;
  },
  'auto-delete': (s, relationship) => {
    if ('autoDelete' in relationship.options && relationship.options.autoDelete) unregister(s, relationship, 'automatic:autodelete');
  },
  'set-mode-option': (s, relationship, row) => {
    const option = s.tableOf(relationship).created.modeOption;
    assert(option !== undefined && row.mode !== undefined, `${relationship.name}: set-mode-option needs a mode option and a row mode`);
    relationship.options = { ...relationship.options, [option]: row.mode } as Relationship['options'];
  },
};

export function runEntryAction(s: EngineState, relationship: Relationship, action: EntryAction): void {
  ENTRY_ACTIONS[action](s, relationship);
}

export function runExitAction(s: EngineState, relationship: Relationship, action: ExitAction): void {
  EXIT_ACTIONS[action](s, relationship);
}

export function runTransitionAction(s: EngineState, relationship: Relationship, action: TransitionAction, row: Omit<Transition, 'from'>): void {
  TRANSITION_ACTIONS[action](s, relationship, row);
}

/** A prepared mapping asked to start: alone at once; in a group when every member is prepared. */
function startPrepared(s: EngineState, relationship: Relationship): void {
  const groupId = relationship.consistencyGroupId;
  const members = groupId === null ? [relationship] : [...s.relationships.values()].filter((r) => r.consistencyGroupId === groupId && r.startWhenPrepared);
  if (members.some((member) => member.state !== 'prepared')) return;
  for (const member of members) {
    const lookup = findTransition(s.tableOf(member), 'start', member.state);
    assert(lookup.ok, `prepared mapping ${member.name} cannot start: ${lookup.ok ? '' : lookup.reason}`);
    transition(s, member, lookup.transition, groupId === null ? 'automatic:start-when-prepared' : `group:start ${groupId}`);
    if (member !== relationship) afterChange(s, member);
  }
}
