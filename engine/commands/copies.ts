// Commands on copy relationships: create, act, change options, rename, regroup, delete, and the
// same actions on a consistency group at one instant.
import type { CreateCopyInput } from '../copy/create-input';
import { sourceProblems, targetReasons } from '../copy/eligibility';
import { defaultName, nameProblems, smallestFreeNumber } from '../copy/names';
import { grainBytesFor, resolveOptions, type CopyOptions } from '../copy/options';
import { chooseMu } from '../copy/shadowimage-mu';
import { newRelationship, type Relationship } from '../copy/relationship';
import { copyTypeOf, type ServiceTable, type Transition } from '../copy/types';
import { afterChange, register, unregister } from '../core/registry';
import type { TakenView } from '../core/copy-names';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { enter, transition } from '../lifecycle/lifecycle';
import { settle } from '../schedule/tick';
import { CREATE, freezeCheck, freezeSource, frozenGroupChangeBlock, releaseFreeze, type FreezeOption } from './freeze';
import { eligibilityContext, lookupAction } from './rules';
import { statesInWords, stateWords, tableFor } from '../copy/tables';
import type { ArrayModel, VolumeState } from '../model';

const NO_GROUPS = 'consistency groups are a Storwize FlashCopy, DS6000 FlashCopy and XP7 ShadowImage (CTG) feature';

/** Whether a member of a consistency group is acted on through its group only (Storwize), not alone (DS6000). */
const actsThroughGroup = (table: ServiceTable, relationship: Relationship) => relationship.consistencyGroupId !== null && table.groupActs !== 'alone';

/** The created row: the started row for the options' mode, or the unstarted state. */
export function createdRow(table: ServiceTable, options: CopyOptions, start: boolean): Omit<Transition, 'from'> {
  if (!start) {
    if (table.created.unstarted === null) {
      const why = table.created.unstartedRefusal ?? `a ${table.type} starts when it is created`;
      throw new EngineError('rule', `start: false is not available: ${why}`, [why]);
    }
    return { to: table.created.unstarted, effect: 'none' };
  }
  const option = table.created.modeOption;
  const mode = option === undefined ? undefined : (options as unknown as Record<string, unknown>)[option];
  const row = table.created.started.find((candidate) => candidate.mode === undefined || candidate.mode === mode);
  if (row === undefined) throw new EngineError('invalid', `${table.type}: no way to start in mode ${String(mode)}`);
  return row;
}

/**
 * Checks a create-copy command and says what it would make, without making it. `target` stands
 * for a volume not created yet (a preview of the wizard's new target); `takenNames` adds names
 * and numbers an earlier command of the same preview would take.
 */
export function planCopy(s: EngineState, input: CreateCopyInput, target: VolumeState = s.requireVolume(input.targetVolumeId), taken?: Taken) {
  const context = eligibilityContext(s, input.type, input.sourceVolumeId);
  const reasons = targetReasons(context, target);
  if (reasons.length > 0) throw new EngineError('rule', `${target.name} cannot be the target: ${reasons[0]}`, reasons);
  const model = context.model;
  const table = tableFor(model);
  const resolved = resolveOptions(model, input.options ?? {});
  if (!resolved.ok) throw new EngineError('invalid', `invalid options: ${resolved.reasons.join('; ')}`, resolved.reasons);
  // XP7: the pair's MU number on its P-VOL, as asked or the smallest free (copy/shadowimage-mu.ts).
  if ('pace' in resolved.options) {
    const source = context.source;
    resolved.options = { ...resolved.options, mu: chooseMu(s.copiesOf(source.id), source.id, source.name, resolved.options.mu) };
  }
  const row = createdRow(table, resolved.options, input.start ?? true);
  const groupId = input.consistencyGroupId ?? null;
  if (groupId !== null && table.groupChangeIn === undefined) throw new EngineError('rule', NO_GROUPS, [NO_GROUPS]);
  if (input.freeze === true) freezeCheck(table, groupId, CREATE);
  const startsWithGroup = groupId !== null && (input.start ?? true) && table.groupActs !== 'alone';
  if (startsWithGroup) {
    const blocked = groupStartBlock(s, groupId);
    if (blocked !== null) throw new EngineError('conflict', blocked, [blocked]);
  }
  const naming = nameFor(s, context.source.arrayId, model, input.name, taken);
  // In a group a mapping never starts alone: it is created at rest and starts with the group.
  const created = startsWithGroup ? createdRow(table, resolved.options, false) : row;
  return { context, target, model, table, options: resolved.options, row: created, groupId, naming, startsWithGroup };
}

export function createCopy(s: EngineState, input: CreateCopyInput): Relationship {
  const plan = planCopy(s, input);
  const relationship = newRelationship({
    id: s.options.newId(),
    ...plan.naming,
    model: plan.model,
    type: input.type,
    arrayId: plan.context.source.arrayId,
    sourceVolumeId: plan.context.source.id,
    targetVolumeId: plan.target.id,
    state: plan.row.to,
    options: plan.options,
    grainBytes: grainBytesFor(plan.model, plan.options),
    sourceCapacityBytes: Number(plan.context.source.capacityBytes),
    consistencyGroupId: plan.groupId,
    nowMs: s.clock.nowMs(),
  });
  register(s, relationship);
  s.emit({ kind: 'copy.created', copyId: relationship.id, arrayId: relationship.arrayId, state: relationship.state });
  enter(s, relationship, plan.row);
  if (input.freeze === true) freezeSource(s, relationship, `action:${CREATE}`);
  if (plan.startsWithGroup && plan.groupId !== null) startGroupWith(s, plan.groupId);
  afterChange(s, relationship);
  settle(s, 'marked');
  return relationship;
}

/** A group start under way: members asked to start that wait to be prepared together. */
const startPending = (relationship: Relationship) =>
  relationship.startWhenPrepared && (relationship.state === 'preparing' || relationship.state === 'prepared');

/**
 * Why a mapping created started cannot join its group's start: every member must be at rest (the
 * group starts now) or already waiting in the group's start (the new one joins it), so all of
 * them take one T0.
 */
function groupStartBlock(s: EngineState, groupId: string): string | null {
  for (const member of s.relationships.values()) {
    if (member.consistencyGroupId !== groupId) continue;
    const atRest = s.tableOf(member).groupChangeIn?.includes(member.state) === true;
    if (!atRest && !startPending(member)) {
      return `the consistency group's mappings start at one point in time and ${member.name} is ${member.state}: create the mapping with start: false, or stop the group first`;
    }
  }
  return null;
}

/** Starts every member at rest; with those already waiting, all start together once prepared. */
function startGroupWith(s: EngineState, groupId: string): void {
  for (const member of [...s.relationships.values()]) {
    if (member.consistencyGroupId !== groupId || startPending(member)) continue;
    actOn(s, member, 'start', undefined, 'group');
    afterChange(s, member);
  }
}

/** Names (lower case) and numbers taken on an array. */
export interface Taken {
  names: Set<string>;
  numbers: Set<number>;
}

/** What is taken on the array (not counting `except`), with `extra` (a preview's planned copies) added. */
function namesOn(s: EngineState, arrayId: string, except?: string, extra?: Taken): TakenView {
  const taken = s.copyNames.takenOn(arrayId, except === undefined ? undefined : s.relationships.get(except));
  if (extra === undefined) return taken;
  return {
    names: { has: (name) => extra.names.has(name) || taken.names.has(name) },
    numbers: { has: (number) => extra.numbers.has(number) || taken.numbers.has(number) },
  };
}

function checkName(s: EngineState, arrayId: string, name: string, except?: string): void {
  const problems = nameProblems(name);
  if (problems.length > 0) throw new EngineError('invalid', `invalid name "${name}": ${problems[0]}`, problems);
  if (namesOn(s, arrayId, except).names.has(name.toLowerCase())) {
    const reason = `a copy relationship named "${name}" already exists on array ${s.fleet.array(arrayId)?.name ?? arrayId}`;
    throw new EngineError('conflict', reason, [reason]);
  }
}

function nameFor(s: EngineState, arrayId: string, model: ArrayModel, given: string | undefined, extra?: Taken): { name: string; number: number } {
  const taken = namesOn(s, arrayId, undefined, extra);
  const number = smallestFreeNumber(taken.numbers);
  if (given === undefined) return { name: defaultName(model, number, taken.names), number };
  checkName(s, arrayId, given);
  if (taken.names.has(given.toLowerCase())) throw new EngineError('conflict', `the name "${given}" is given twice`);
  return { name: given, number };
}

/** Throws unless `name` could be given to the relationship (a rename's check alone). */
export function checkCopyName(s: EngineState, copyId: string, name: string): void {
  const relationship = s.requireCopy(copyId);
  if (relationship.name !== name) checkName(s, relationship.arrayId, name, relationship.id);
}

/** Renames a relationship (SVC chfcmap -name); names are unique on an array, ignoring case. */
export function renameCopy(s: EngineState, copyId: string, name: string): Relationship {
  const relationship = s.requireCopy(copyId);
  if (relationship.name === name) return relationship;
  checkName(s, relationship.arrayId, name, relationship.id);
  const from = relationship.name;
  relationship.name = name;
  s.copyNames.renamed(relationship, from);
  relationship.updatedAtMs = s.clock.nowMs();
  s.emit({ kind: 'copy.renamed', copyId, arrayId: relationship.arrayId, from, to: name });
  afterChange(s, relationship);
  return relationship;
}

/**
 * Moves a mapping into a consistency group or out of one (null), in the states its table allows
 * (at rest: a group starts its members at one instant). The caller has checked the group exists.
 */
export function setCopyGroup(s: EngineState, copyId: string, groupId: string | null, options: { leaveInAnyState?: boolean } = {}): Relationship {
  const relationship = s.requireCopy(copyId);
  if (relationship.consistencyGroupId === groupId) return relationship;
  const allowedIn = s.tableOf(relationship).groupChangeIn;
  if (allowedIn === undefined) throw new EngineError('rule', NO_GROUPS, [NO_GROUPS]);
  // A group deleted with force lets its mappings go on alone, whatever they are doing.
  const forcedOut = groupId === null && options.leaveInAnyState === true;
  if (!allowedIn.includes(relationship.state) && !forcedOut) {
    const noun = s.tableOf(relationship).noun;
    // XP7: paircreate puts a pair in its CTG, and only deletion takes it out.
    if (allowedIn.length === 0)
      throw new EngineError('conflict', `${noun} ${relationship.name} joins a consistency group only when it is created, and leaves it only when deleted`);
    throw new EngineError(
      'conflict',
      `${noun} ${relationship.name} is ${stateWords(relationship.state)}: only a ${noun} that is ${statesInWords(allowedIn)} changes consistency group`,
    );
  }
  const frozen = frozenGroupChangeBlock(s, relationship);
  if (frozen !== null && !forcedOut) throw new EngineError('conflict', frozen);
  // No thaw could reach a freeze whose group is gone: it ends with the group.
  if (forcedOut) releaseFreeze(s, relationship, 'group:deleted');
  const from = relationship.consistencyGroupId;
  relationship.consistencyGroupId = groupId;
  relationship.updatedAtMs = s.clock.nowMs();
  s.emit({ kind: 'copy.group-changed', copyId, arrayId: relationship.arrayId, from, to: groupId });
  afterChange(s, relationship);
  return relationship;
}

export function act(s: EngineState, copyId: string, action: string, mode?: string, options: FreezeOption = {}): Relationship {
  const relationship = s.requireCopy(copyId);
  const table = s.tableOf(relationship);
  if (actsThroughGroup(table, relationship)) {
    throw new EngineError('conflict', `mapping ${relationship.name} is in a consistency group: ${action} the group, not one mapping`);
  }
  if (options.freeze === true) freezeCheck(table, relationship.consistencyGroupId, action);
  actOn(s, relationship, action, mode, 'action');
  if (options.freeze === true) freezeSource(s, relationship, `action:${action}`);
  afterChange(s, relationship);
  settle(s, 'marked');
  return relationship;
}

function actOn(s: EngineState, relationship: Relationship, action: string, mode: string | undefined, cause: string): void {
  const lookup = lookupAction(s, relationship, action, mode);
  if (!lookup.ok) throw new EngineError(lookup.status === 400 ? 'invalid' : 'conflict', `${relationship.name}: ${lookup.reason}`);
  if (lookup.transition.guard === 'eligible-again') checkEligibleAgain(s, relationship);
  transition(s, relationship, lookup.transition, `${cause}:${action}${mode ? `(${mode})` : ''}`);
  // Withdrawn by someone, the relationship lets its source go; ending by itself (its copy done, a
  // fault) it keeps holding it for the group until the thaw or the timeout.
  if (!s.specOf(relationship).holdsVolumes) releaseFreeze(s, relationship, `${cause}:${action}`);
}

/** Establishing again at a new T0 needs the pair to qualify as it would for a new relationship. */
function checkEligibleAgain(s: EngineState, relationship: Relationship): void {
  const context = eligibilityContext(s, copyTypeOf(relationship), relationship.sourceVolumeId);
  const reasons = [...sourceProblems(context), ...targetReasons(context, s.requireVolume(relationship.targetVolumeId))];
  if (reasons.length > 0) throw new EngineError('rule', `cannot establish again: ${reasons[0]}`, reasons);
}

export function setOptions(s: EngineState, copyId: string, input: Record<string, unknown>): Relationship {
  const relationship = s.requireCopy(copyId);
  const resolved = resolveOptions(relationship.model, input, relationship.options);
  if (!resolved.ok) throw new EngineError('invalid', `invalid options: ${resolved.reasons.join('; ')}`, resolved.reasons);
  relationship.options = resolved.options;
  relationship.updatedAtMs = s.clock.nowMs();
  s.emit({ kind: 'copy.options-changed', copyId, arrayId: relationship.arrayId, options: { ...input } });
  afterChange(s, relationship);
  settle(s, 'marked');
  return relationship;
}

/** Why the relationship cannot be deleted now (its table's removal rule), or null. */
export function removalBlock(s: EngineState, relationship: Relationship): string | null {
  const removal = s.tableOf(relationship).removal;
  return removal.allowedIn.includes(relationship.state) ? null : removal.refusal(relationship.name, relationship.state);
}

/** DELETE: ends the relationship as its table says (at once, through a state, or forced); the target keeps its data. */
export function removeCopy(s: EngineState, copyId: string, options: { force?: boolean } = {}): void {
  const relationship = s.requireCopy(copyId);
  const removal = s.tableOf(relationship).removal;
  const blocked = removalBlock(s, relationship);
  const forced = options.force === true && removal.forced !== undefined && blocked !== null;
  if (blocked !== null && !forced) throw new EngineError('conflict', blocked);
  if (forced && removal.forced !== undefined) transition(s, relationship, removal.forced, 'action:delete(force)');
  if (removal.via !== undefined) {
    transition(s, relationship, { to: removal.via, effect: 'none' }, 'action:delete');
    afterChange(s, relationship);
    return;
  }
  if (removal.through !== undefined && removal.through.from.includes(relationship.state)) {
    transition(s, relationship, { to: removal.through.to, effect: 'none' }, 'action:remove');
  }
  releaseFreeze(s, relationship, 'action:delete');
  unregister(s, relationship, 'action:delete');
  settle(s, 'marked');
}

/** Applies an action to every member at one point in time (one simulated instant); with freeze, each source is frozen from that T0. */
export function actOnGroup(s: EngineState, groupId: string, action: string, mode?: string, options: FreezeOption = {}): Relationship[] {
  const members = [...s.relationships.values()].filter((r) => r.consistencyGroupId === groupId);
  if (members.length === 0) throw new EngineError('conflict', 'the consistency group has no mappings');
  if (options.freeze === true) for (const member of members) freezeCheck(s.tableOf(member), groupId, action);
  const refusals = members.flatMap((member) => {
    const lookup = lookupAction(s, member, action, mode);
    return lookup.ok ? [] : [`${member.name}: ${lookup.reason}`];
  });
  if (refusals.length > 0) throw new EngineError('conflict', `the consistency group cannot ${action}: ${refusals[0]}`, refusals);
  for (const member of members) actOn(s, member, action, mode, 'group');
  if (options.freeze === true) for (const member of members) freezeSource(s, member, `group:${action} ${groupId}`);
  for (const member of members) afterChange(s, member);
  settle(s, 'marked');
  return members;
}
