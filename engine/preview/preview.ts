// engine.preview: the consequences of commands before anyone runs them, judged by the same
// rules and tables the commands use (a refused command says why, as the command would).
import { findTransition, automaticTransition, stateSpec } from '../copy/tables';
import { rateBytesPerSec } from '../copy/options';
import type { Relationship } from '../copy/relationship';
import { copyTypeOf, type Access, type Effect, type ServiceTable, type Transition } from '../copy/types';
import { VOLUME_COPY_IN_PROGRESS_MAX } from '../copy/volume-copy';
import { createdRow, planCopy, removalBlock, type Taken } from '../commands/copies';
import { eligibilityContext, lookupAction } from '../commands/rules';
import { sourceProblems, targetReasons } from '../copy/eligibility';
import type { EngineState } from '../core/state';
import { EngineError, isEngineError } from '../errors';
import { ownerMove } from '../faults/controllers';
import { ARRAY_DOWN_EVENT, type FaultInput } from '../faults/fault';
import { failBlock, ioErrorBlock, metadataLossBlock, predict, restoreBlock } from '../faults/inject';
import { otherSlot, type ArrayState, type ControllerSlot, type VolumeState } from '../model';
import type { CreateCopyInput } from '../copy/create-input';
import type { Consequence, Preview, PreviewCommand } from './types';
import { chainNotes } from './chain-notes';
import { snapshotNotes, snapshotRestoreBytes } from './snapshot-notes';
import { bytesText, durationText } from './words';

/** What earlier commands of one preview leave for later ones (a bulk create as a whole). */
interface Session {
  taken: Map<string, Taken>;
  /** Per array: copies the preview has put in progress / in the queue so far. */
  started: Map<string, number>;
  queued: Map<string, number>;
}

export function preview(s: EngineState, commands: readonly PreviewCommand[]): Preview[] {
  const session: Session = { taken: new Map(), started: new Map(), queued: new Map() };
  return commands.map((command) => {
    try {
      return { allowed: true, refusal: null, consequences: previewOne(s, command, session) };
    } catch (error) {
      if (!isEngineError(error)) throw error;
      return { allowed: false, refusal: error.message, consequences: [] };
    }
  });
}

function previewOne(s: EngineState, command: PreviewCommand, session: Session): Consequence[] {
  switch (command.command) {
    case 'create-copy':
      return createCopy(s, command, s.requireVolume(command.targetVolumeId), session);
    case 'create-copy-new-target': {
      const source = s.requireVolume(command.sourceVolumeId);
      const target: VolumeState = {
        ...source,
        id: NEW_TARGET_ID,
        name: command.newTarget.name,
        capacityBytes: BigInt(command.newTarget.capacityBytes),
        currentOwner: command.newTarget.currentOwner,
        preferredOwner: command.newTarget.currentOwner,
        roles: [],
        readOnly: false,
        status: 'online',
      };
      return createCopy(s, { ...command, targetVolumeId: target.id }, target, session);
    }
    case 'copy-action': {
      const relationship = s.requireCopy(command.copyId);
      if (relationship.consistencyGroupId !== null && s.tableOf(relationship).groupActs !== 'alone')
        throw new EngineError('conflict', `mapping ${relationship.name} is in a consistency group: ${command.action} the group, not one mapping`);
      return copyAction(s, relationship, command.action, command.mode);
    }
    case 'group-action': {
      const members = [...s.relationships.values()].filter((r) => r.consistencyGroupId === command.groupId);
      if (members.length === 0) throw new EngineError('conflict', 'the consistency group has no mappings');
      return members.flatMap((member) => copyAction(s, member, command.action, command.mode));
    }
    case 'delete-copy':
      return deleteCopy(s, s.requireCopy(command.copyId), command.force === true);
    case 'inject-fault':
      return injectFault(s, command.fault);
    case 'restore-controller':
      return restoreController(s, s.requireArray(command.arrayId), command.slot);
    case 'clear-fault':
      return clearFault(s, command.faultId);
  }
}

/** The id a preview gives a target the wizard would create first (it holds nothing to overwrite). */
const NEW_TARGET_ID = '(new)';

const copyRef = (relationship: Relationship) => ({ copyId: relationship.id, copyName: relationship.name });
const volumeRef = (volume: VolumeState) => ({ volumeId: volume.id, volumeName: volume.name });

function accessWords(access: Access): string {
  return access === 'read-only' ? 'can only read' : access === 'none' ? 'cannot read or write' : 'can read and write';
}

/**
 * Where a relationship entering `row.to` settles: itself, or where its timer and a pending start
 * lead (Storwize: preparing → prepared → copying), with the first effect on the way.
 */
function settledState(table: ServiceTable, row: Omit<Transition, 'from'>): { state: string; effect: Effect } {
  let current = row.to;
  let effect = row.effect;
  for (let hop = 0; hop < 3; hop++) {
    const spec = stateSpec(table, current);
    if (spec.copier !== 'none') break;
    // A queued copy starts when a slot frees (at once or later: queueOrStart says which).
    const slot = automaticTransition(table, 'slot-free', current);
    if (slot !== undefined) {
      current = slot.to;
      continue;
    }
    if (spec.after === undefined) break;
    const timed = automaticTransition(table, spec.after.event, current);
    if (timed === undefined) break;
    const start = (stateSpec(table, timed.to).onEnter ?? []).includes('start-if-asked') ? findTransition(table, 'start', timed.to) : undefined;
    const next = start?.ok === true ? start.transition : timed;
    if (effect === 'none') effect = timed.effect !== 'none' ? timed.effect : next.effect;
    current = next.to;
  }
  return { state: current, effect };
}

/**
 * Hosts' access to source and target where it is less than read-write in the states the
 * relationship passes through (grouped when the same), and a target offline in any of them.
 */
function accessChanges(table: ServiceTable, source: VolumeState, target: VolumeState, states: readonly string[], roles: [string, string]): Consequence[] {
  const unique = [...new Set(states)];
  const changes: Consequence[] = [];
  for (const [volume, side, role] of [
    [source, 'sourceAccess', roles[0]],
    [target, 'targetAccess', roles[1]],
  ] as const) {
    const byAccess = new Map<Access, string[]>();
    for (const state of unique) {
      const access = stateSpec(table, state)[side];
      if (access !== 'read-write') byAccess.set(access, [...(byAccess.get(access) ?? []), state]);
    }
    for (const [access, during] of byAccess)
      changes.push({
        kind: 'access',
        ...volumeRef(volume),
        access,
        text: `Hosts ${accessWords(access)} ${role} ${volume.name} while ${during.join(' and ')}.`,
      });
  }
  const offline = unique.filter((state) => stateSpec(table, state).targetStatus === 'offline');
  if (offline.length > 0)
    changes.push({
      kind: 'offline',
      ...volumeRef(target),
      text: `${capitalized(roles[1])} ${target.name} is offline to hosts while ${offline.join(' and ')}.`,
    });
  return changes;
}

function rolesOf(relationship: { type: Relationship['type'] }): [string, string] {
  return relationship.type === 'shadowimage' ? ['P-VOL', 'S-VOL'] : ['source', 'target'];
}

function moveText(bytes: number, rateBytesPerSecond: number, from: VolumeState, to: VolumeState): string {
  if (bytes === 0 && rateBytesPerSecond > 0) return `Nothing differs: no data to copy from ${from.name} to ${to.name}.`;
  if (rateBytesPerSecond === 0) return `No background copy (rate 0): only grains about to change on ${from.name} are copied to ${to.name} first.`;
  return `${bytesText(bytes)} to copy from ${from.name} to ${to.name} at ${bytesText(rateBytesPerSecond)}/s: about ${durationText((bytes / rateBytesPerSecond) * 1000)} of simulated time.`;
}

function createCopy(s: EngineState, input: CreateCopyInput, target: VolumeState, session: Session): Consequence[] {
  const arrayId = s.requireVolume(input.sourceVolumeId).arrayId;
  const taken = session.taken.get(arrayId) ?? { names: new Set<string>(), numbers: new Set<number>() };
  const plan = planCopy(s, input, target, taken);
  taken.names.add(plan.naming.name.toLowerCase());
  taken.numbers.add(plan.naming.number);
  session.taken.set(arrayId, taken);
  const { table } = plan;
  // A mapping created started in a group is created at rest and starts with the group.
  const row = plan.startsWithGroup ? createdRow(table, plan.options, true) : plan.row;
  const source = plan.context.source;
  const ref = { copyId: null, copyName: plan.naming.name };
  const consequences: Consequence[] = [
    { kind: 'state', ...ref, from: null, to: row.to, text: `${capitalized(table.noun)} ${plan.naming.name} is created ${row.to}.` },
  ];
  if (plan.startsWithGroup)
    consequences.push({
      kind: 'state',
      ...ref,
      from: row.to,
      to: row.to,
      text: 'It starts with its consistency group: every member takes the same point in time (T0).',
    });
  const roles = rolesOf(input);
  const started = input.start ?? true;
  const fresh = target.id === NEW_TARGET_ID;
  if (!started) {
    if (!fresh)
      consequences.push({
        kind: 'overwritten',
        ...volumeRef(target),
        text: `The current contents of the target ${target.name} will be overwritten when the copy starts.`,
      });
    return [...consequences, ...accessChanges(table, source, target, [row.to], roles)];
  }
  const copying = settledState(table, row).state;
  const queued = automaticTransition(table, 'slot-free', row.to) !== undefined;
  if (copying !== row.to && !queued) consequences.push({ kind: 'state', ...ref, from: row.to, to: copying, text: `It goes on to ${copying} by itself.` });
  if (automaticTransition(table, 'slot-free', row.to) !== undefined) consequences.push(...queueOrStart(s, arrayId, ref, session));
  const copyingSpec = stateSpec(table, copying);
  if (!fresh)
    consequences.push({
      kind: 'overwritten',
      ...volumeRef(target),
      text: `The current contents of the ${roles[1]} ${target.name} are replaced by ${source.name}'s${copyingSpec.data === 'point-in-time' ? ' as they are at the start (T0)' : ''}.`,
    });
  const rate = rateBytesPerSec(plan.model, plan.options);
  if (copyingSpec.copier !== 'none') {
    const bytes = snapshotRestoreBytes(s, source, target) ?? Number(source.capacityBytes);
    consequences.push({ kind: 'moves', ...ref, bytes, fromVolumeId: source.id, toVolumeId: target.id, text: moveText(bytes, rate, source, target) });
  } else if (copyingSpec.data === 'point-in-time') {
    consequences.push({ kind: 'moves', ...ref, bytes: 0, fromVolumeId: source.id, toVolumeId: target.id, text: moveText(0, 0, source, target) });
  }
  if (table.chained === true) consequences.push(...chainNotes(s, source, target, ref));
  if (table.type === 'volume-copy') consequences.push(...snapshotNotes(s, source, target, ref));
  if (copyingSpec.targetFollowsSource === true && target.currentOwner !== source.currentOwner) {
    consequences.push({
      kind: 'owner',
      ...volumeRef(target),
      from: target.currentOwner,
      to: source.currentOwner,
      text: `While the copy runs, controller ${source.currentOwner} (the source's) owns ${target.name} too; it returns to controller ${target.currentOwner} afterwards.`,
    });
  }
  return [...consequences, ...accessChanges(table, source, target, [row.to, copying], roles)];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** SANtricity: the copy starts in a free slot of the array's 8, or waits behind the others. */
function queueOrStart(s: EngineState, arrayId: string, ref: { copyId: string | null; copyName: string }, session: Session): Consequence[] {
  const onArray = s.relationshipsOn(arrayId).filter((r) => s.tableOf(r).automatic['slot-free'] !== undefined);
  const inProgress = onArray.filter((r) => r.state === 'in-progress').length + (session.started.get(arrayId) ?? 0);
  const pending = onArray.filter((r) => r.state === 'pending').length + (session.queued.get(arrayId) ?? 0);
  if (inProgress < VOLUME_COPY_IN_PROGRESS_MAX && pending === 0) {
    session.started.set(arrayId, (session.started.get(arrayId) ?? 0) + 1);
    return [
      {
        kind: 'state',
        ...ref,
        from: 'pending',
        to: 'in-progress',
        text: `It starts at once: ${inProgress + 1} of the array's ${VOLUME_COPY_IN_PROGRESS_MAX} copies would be in progress.`,
      },
    ];
  }
  session.queued.set(arrayId, pending + 1 - onArray.filter((r) => r.state === 'pending').length);
  return [
    {
      kind: 'queues',
      ...ref,
      ahead: pending,
      text: `It waits: ${inProgress} copies are in progress (at most ${VOLUME_COPY_IN_PROGRESS_MAX} per array) and ${pending} ${pending === 1 ? 'waits' : 'wait'} before it (higher priority first, then oldest).`,
    },
  ];
}

function copyAction(s: EngineState, relationship: Relationship, action: string, mode: string | undefined): Consequence[] {
  const lookup = lookupAction(s, relationship, action, mode);
  if (!lookup.ok) throw new EngineError(lookup.status === 400 ? 'invalid' : 'conflict', `${relationship.name}: ${lookup.reason}`);
  if (lookup.transition.guard === 'eligible-again') {
    const context = eligibilityContext(s, copyTypeOf(relationship), relationship.sourceVolumeId);
    const reasons = [...sourceProblems(context), ...targetReasons(context, s.requireVolume(relationship.targetVolumeId))];
    if (reasons.length > 0) throw new EngineError('rule', `cannot establish again: ${reasons[0]}`, reasons);
  }
  return transitionConsequences(s, relationship, lookup.transition);
}

function transitionConsequences(s: EngineState, relationship: Relationship, row: Omit<Transition, 'from'>): Consequence[] {
  const table = s.tableOf(relationship);
  const source = s.requireVolume(relationship.sourceVolumeId);
  const target = s.requireVolume(relationship.targetVolumeId);
  const roles = rolesOf(relationship);
  const consequences: Consequence[] = [
    {
      kind: 'state',
      ...copyRef(relationship),
      from: relationship.state,
      to: row.to,
      text: `${capitalized(table.noun)} ${relationship.name}: ${relationship.state} → ${row.to}.`,
    },
  ];
  const settled = settledState(table, row);
  const copying = settled.state;
  if (copying !== row.to)
    consequences.push({ kind: 'state', ...copyRef(relationship), from: row.to, to: copying, text: `It goes on to ${copying} by itself.` });
  const spec = stateSpec(table, copying);
  if (settled.effect === 'reverse-restore' || settled.effect === 'fast-reverse-restore') {
    return [
      ...consequences,
      ...reverseRestore(relationship, settled.effect, source, target),
      ...accessChanges(table, source, target, [row.to, copying], roles),
    ];
  }
  if (settled.effect === 'quick-restore') {
    consequences.push(
      {
        kind: 'overwritten',
        ...volumeRef(source),
        text: `P-VOL ${source.name} takes S-VOL ${target.name}'s image at once (quick restore: nothing is copied).`,
      },
      {
        kind: 'overwritten',
        ...volumeRef(target),
        text: `S-VOL ${target.name} holds ${source.name}'s former image until update copies bring it back in line.`,
      },
    );
    return [...consequences, ...accessChanges(table, source, target, [row.to, copying], roles)];
  }
  const reverse = spec.copier === 'reverse';
  const [from, to] = reverse ? [target, source] : [source, target];
  const grains =
    spec.copier === 'none' && spec.data !== 'point-in-time' && settled.effect !== 'full-copy' ? null : grainsToMove(relationship, settled.effect, copying);
  if (grains !== null) {
    const bytes = Math.min(grains * relationship.grainBytes, relationship.sourceCapacityBytes);
    const rate = spec.copier === 'none' ? 0 : rateBytesPerSec(relationship.model, relationship.options);
    consequences.push({
      kind: 'overwritten',
      ...volumeRef(to),
      text: `${capitalized(reverse ? roles[0] : roles[1])} ${to.name} is overwritten with ${from.name}'s data${spec.data === 'point-in-time' && !reverse ? ' as it is at this instant (T0)' : ''}.`,
    });
    consequences.push({ kind: 'moves', ...copyRef(relationship), bytes, fromVolumeId: from.id, toVolumeId: to.id, text: moveText(bytes, rate, from, to) });
  }
  if (settled.effect === 'discard-target')
    consequences.push({
      kind: 'overwritten',
      ...volumeRef(target),
      text: `The data on ${target.name} is no longer a usable copy (the copy did not complete).`,
    });
  return [...consequences, ...accessChanges(table, source, target, [row.to, copying], roles)];
}

/** DS6000 reverse restore: the target's image goes onto the source and the roles swap. */
function reverseRestore(relationship: Relationship, effect: Effect, source: VolumeState, target: VolumeState): Consequence[] {
  const changed = relationship.sourceDiff.clone();
  changed.union(relationship.targetDiff);
  const bytes = Math.min(changed.count() * relationship.grainBytes, relationship.sourceCapacityBytes);
  const rate = rateBytesPerSec(relationship.model, relationship.options);
  const out: Consequence[] = [
    { kind: 'overwritten', ...volumeRef(source), text: `Source ${source.name} is overwritten with ${target.name}'s image; ${target.name} becomes the source.` },
    { kind: 'moves', ...copyRef(relationship), bytes, fromVolumeId: target.id, toVolumeId: source.id, text: moveText(bytes, rate, target, source) },
  ];
  if (effect === 'fast-reverse-restore' && relationship.toCopy.count() > 0) {
    out.push({ kind: 'overwritten', ...volumeRef(target), text: `${target.name} keeps no usable image: its copy had not completed.` });
  }
  return out;
}

/** Grains the copy will move after the row, or null when it moves none. */
function grainsToMove(relationship: Relationship, effect: Effect, copying: string): number | null {
  switch (effect) {
    case 'full-copy':
      return relationship.grainCount;
    case 'point-in-time': {
      if ('incremental' in relationship.options && relationship.options.incremental && relationship.copiedOnce) return changedSincePointInTime(relationship);
      return relationship.grainCount;
    }
    case 'resync-forward':
    case 'resync-reverse':
    case 'refresh':
      return changedSincePointInTime(relationship);
    default:
      // A convert to copy, a recovery: what is still marked to copy, if the new state copies.
      return copying !== relationship.state && relationship.toCopy.count() > 0 ? relationship.toCopy.count() : null;
  }
}

function changedSincePointInTime(relationship: Relationship): number {
  const changed = relationship.sourceDiff.clone();
  changed.union(relationship.targetDiff);
  changed.union(relationship.toCopy);
  return changed.count();
}

function deleteCopy(s: EngineState, relationship: Relationship, force: boolean): Consequence[] {
  const removal = s.tableOf(relationship).removal;
  const blocked = removalBlock(s, relationship);
  const forced = force && removal.forced !== undefined && blocked !== null;
  if (blocked !== null && !forced) throw new EngineError('conflict', blocked);
  const consequences: Consequence[] = [];
  const target = s.requireVolume(relationship.targetVolumeId);
  if (forced && removal.forced !== undefined) {
    consequences.push({
      kind: 'state',
      ...copyRef(relationship),
      from: relationship.state,
      to: removal.forced.to,
      text: `${relationship.name} is stopped first: ${relationship.state} → ${removal.forced.to}.`,
    });
    consequences.push({ kind: 'overwritten', ...volumeRef(target), text: `${target.name} keeps whatever it holds now, which is not a consistent copy.` });
  }
  if (removal.via !== undefined) {
    consequences.push({
      kind: 'state',
      ...copyRef(relationship),
      from: relationship.state,
      to: removal.via,
      text: `${relationship.name}: ${relationship.state} → ${removal.via}, then it is gone.`,
    });
  } else if (removal.through !== undefined && removal.through.from.includes(relationship.state)) {
    consequences.push({
      kind: 'state',
      ...copyRef(relationship),
      from: relationship.state,
      to: removal.through.to,
      text: `${relationship.name} is stopped first: ${relationship.state} → ${removal.through.to}.`,
    });
  }
  consequences.push({
    kind: 'state',
    ...copyRef(relationship),
    from: removal.via ?? relationship.state,
    to: null,
    text: `${capitalized(s.tableOf(relationship).noun)} ${relationship.name} is deleted; ${target.name} keeps its data and both volumes are free.`,
  });
  return consequences;
}

function injectFault(s: EngineState, fault: FaultInput): Consequence[] {
  switch (fault.kind) {
    case 'controller-failure':
      return failController(s, s.requireArray(fault.arrayId), fault.slot);
    case 'volume-io-error': {
      const blocked = ioErrorBlock(s, fault.volumeId);
      if (blocked !== null) throw new EngineError('conflict', blocked);
      const volume = s.requireVolume(fault.volumeId);
      return [{ kind: 'offline', ...volumeRef(volume), text: `Hosts cannot read or write ${volume.name}.` }, ...predicted(s, s.copiesOf(volume.id), 'fault')];
    }
    case 'metadata-loss': {
      const blocked = metadataLossBlock(s, fault.copyId);
      if (blocked !== null) throw blocked;
      const relationship = s.requireCopy(fault.copyId);
      const volumes = [s.requireVolume(relationship.sourceVolumeId), s.requireVolume(relationship.targetVolumeId)];
      return [
        ...predicted(s, [relationship], 'metadata-lost'),
        ...volumes.map((volume): Consequence => ({ kind: 'offline', ...volumeRef(volume), text: `${volume.name} is offline until metadata access returns.` })),
      ];
    }
  }
}

function predicted(s: EngineState, relationships: readonly Relationship[], event: Parameters<typeof predict>[2]): Consequence[] {
  return predict(s, relationships, event).map(({ relationship, to }) => ({
    kind: 'state',
    ...copyRef(relationship),
    from: relationship.state,
    to,
    text: `${capitalized(s.tableOf(relationship).noun)} ${relationship.name}: ${relationship.state} → ${to}.`,
  }));
}

function ownerChanges(s: EngineState, array: ArrayState, controllers: ArrayState['controllers'], why: string): Consequence[] {
  return s.fleet.volumesOf(array.id).flatMap((volume): Consequence[] => {
    const to = ownerMove(s, volume, controllers);
    return to === null
      ? []
      : [
          {
            kind: 'owner',
            ...volumeRef(volume),
            from: volume.currentOwner,
            to,
            text: `${volume.name} moves from controller ${volume.currentOwner} to ${to} (${why}).`,
          },
        ];
  });
}

function failController(s: EngineState, array: ArrayState, slot: ControllerSlot): Consequence[] {
  const blocked = failBlock(array, slot);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const survivor = otherSlot(slot);
  const controllers = { ...array.controllers, [slot]: 'offline' as const };
  if (array.controllers[survivor] === 'online') {
    const moves = ownerChanges(s, array, controllers, `controller ${survivor} takes over`);
    return moves.length > 0
      ? moves
      : [{ kind: 'state', copyId: null, copyName: '', from: null, to: null, text: `No volume is owned by controller ${slot}: nothing moves.` }];
  }
  const event = ARRAY_DOWN_EVENT[array.model];
  const offline = s.fleet
    .volumesOf(array.id)
    .map((volume): Consequence => ({ kind: 'offline', ...volumeRef(volume), text: `${volume.name} goes offline: no controller of ${array.name} is online.` }));
  const copies = event === null ? [] : predicted(s, s.relationshipsOn(array.id), event);
  return [...offline, ...copies];
}

function restoreController(s: EngineState, array: ArrayState, slot: ControllerSlot): Consequence[] {
  const blocked = restoreBlock(array, slot);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const wasDown = array.controllers[otherSlot(slot)] !== 'online';
  const controllers = { ...array.controllers, [slot]: 'online' as const };
  const online = wasDown
    ? s.fleet
        .volumesOf(array.id)
        .filter((volume) => s.faultBook.ioErrorOn(volume.id) === undefined)
        .map((volume): Consequence => ({ kind: 'online', ...volumeRef(volume), text: `${volume.name} comes back online.` }))
    : [];
  return [...online, ...ownerChanges(s, array, controllers, 'fail back to its preferred controller')];
}

function clearFault(s: EngineState, faultId: string): Consequence[] {
  const fault = s.requireFault(faultId);
  if (fault.kind === 'controller-failure' && fault.slot !== null) return restoreController(s, s.requireArray(fault.arrayId), fault.slot);
  if (fault.kind === 'volume-io-error' && fault.volumeId !== null) {
    const volume = s.requireVolume(fault.volumeId);
    const stay = s.copiesOf(volume.id).map((relationship): Consequence => ({
      kind: 'state',
      ...copyRef(relationship),
      from: relationship.state,
      to: relationship.state,
      text: `${capitalized(s.tableOf(relationship).noun)} ${relationship.name} stays ${relationship.state}: recovering it is an action.`,
    }));
    return [{ kind: 'online', ...volumeRef(volume), text: `Hosts can read and write ${volume.name} again.` }, ...stay];
  }
  const relationship = fault.copyId === null ? undefined : s.relationships.get(fault.copyId);
  if (relationship === undefined) return [];
  const row = automaticTransition(s.tableOf(relationship), 'recovered', relationship.state, fault.resumeState ?? undefined);
  return row === undefined
    ? []
    : [
        {
          kind: 'state',
          ...copyRef(relationship),
          from: relationship.state,
          to: row.to,
          text: `Mapping ${relationship.name}: ${relationship.state} → ${row.to}; its volumes come back online.`,
        },
      ];
}
