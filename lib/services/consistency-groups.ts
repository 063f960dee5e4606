// Consistency groups (docs/domain.md#consistency-groups): on Storwize, named sets of mappings
// prepared, started and stopped together at one point in time; on DS6000, sets of relationships
// each established on its own, whose sources a freeze holds from each T0 until the group is
// thawed (docs/domain.md#ds6000-consistency-groups). The group's state is a member state
// (engine/copy/group-state.ts).
import type { Runtime } from '../runtime';
import type { ConsistencyGroup } from '../db/generated/client';
import { ApiError } from '../http/api-error';
import { groupStateOf, type GroupModel } from '../../engine/copy/group-state';
import { GROUP_NAME_PREFIX_BY_MODEL, smallestFreeNumber } from '../../engine/copy/names';
import { tableFor } from '../../engine/copy/tables';
import type { ArrayModel } from '../../engine/model';
import { copyDto, type CopyDto } from './copies';
import { recordEvent } from './events';
import { runCommand, type Actor } from './run-command';

export interface GroupDto {
  id: string;
  arrayId: string;
  name: string;
  number: number;
  autoDelete: boolean;
  state: string;
  memberIds: string[];
  /** DS6000: some member holds its source frozen (always false on Storwize). */
  frozen: boolean;
  /** When the last member's freeze times out (the group is thawed by itself then), ISO simulated time; null when not frozen. */
  frozenUntil: string | null;
  createdAt: string;
}

/** The action that thaws a DS6000 group (DS CLI unfreezeflash); the other group actions are the members' own. */
export const THAW_ACTION = 'thaw';

/** The models whose service has consistency groups (its table says in which states members join and leave). */
function groupModelOf(model: ArrayModel | undefined): GroupModel | null {
  return (model === 'storwize' || model === 'ds6000' || model === 'xp7') && tableFor(model).groupChangeIn !== undefined ? model : null;
}

function groupDto(runtime: Runtime, row: ConsistencyGroup): GroupDto {
  const members = [...runtime.engine.copies()].filter((r) => r.consistencyGroupId === row.id);
  const model = groupModelOf(runtime.engine.fleet.array(row.arrayId)?.model) ?? 'storwize';
  const state = groupStateOf(
    members.map((m) => m.state),
    model,
  );
  const frozenUntilMs = members.reduce<number | null>((latest, m) => (m.frozenUntilMs === null ? latest : Math.max(latest ?? 0, m.frozenUntilMs)), null);
  return {
    id: row.id,
    arrayId: row.arrayId,
    name: row.name,
    number: row.number,
    autoDelete: row.autoDelete,
    state,
    memberIds: members.map((m) => m.id),
    frozen: frozenUntilMs !== null,
    frozenUntil: frozenUntilMs === null ? null : new Date(frozenUntilMs).toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listGroups(runtime: Runtime, arrayId?: string): Promise<GroupDto[]> {
  const rows = await runtime.db.consistencyGroup.findMany({ where: arrayId === undefined ? {} : { arrayId }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => groupDto(runtime, row));
}

async function requireGroup(runtime: Runtime, id: string): Promise<ConsistencyGroup> {
  const row = await runtime.db.consistencyGroup.findUnique({ where: { id } });
  if (row === null) throw new ApiError(404, `consistency group "${id}" does not exist`);
  return row;
}

export async function getGroup(runtime: Runtime, id: string): Promise<GroupDto> {
  return groupDto(runtime, await requireGroup(runtime, id));
}

export async function createGroup(
  runtime: Runtime,
  input: { arrayId: string; name?: string | undefined; autoDelete?: boolean | undefined },
  actor: Actor,
): Promise<GroupDto> {
  const array = runtime.engine.fleet.array(input.arrayId);
  if (array === undefined) throw new ApiError(404, `array "${input.arrayId}" does not exist`);
  const prefix = GROUP_NAME_PREFIX_BY_MODEL[array.model];
  if (groupModelOf(array.model) === null || prefix === undefined) {
    const reason = `consistency groups are a Storwize FlashCopy, DS6000 FlashCopy and XP7 ShadowImage (CTG) feature; ${array.name} is ${array.model}`;
    throw new ApiError(422, reason, [reason]);
  }
  const row = await runtime.db.$transaction(async (tx) => {
    const existing = await tx.consistencyGroup.findMany({ where: { arrayId: array.id }, select: { name: true, number: true } });
    // Numbered from 1, as SVC numbers groups (0 = no group there).
    const number = smallestFreeNumber(new Set(existing.map((g) => g.number)), 1);
    const name = input.name ?? `${prefix}${number}`;
    if (existing.some((g) => g.name.toLowerCase() === name.toLowerCase()))
      throw new ApiError(409, `a consistency group named "${name}" already exists on ${array.name}`);
    const autoDelete = input.autoDelete ?? false;
    const created = await tx.consistencyGroup.create({ data: { arrayId: array.id, name, number, autoDelete, state: 'empty' } });
    await recordEvent(tx, {
      kind: 'consistency-group.created',
      subjectType: 'consistency-group',
      subjectId: created.id,
      arrayId: array.id,
      actor: actor.name,
      details: { name, autoDelete },
    });
    return created;
  });
  runtime.engine.putGroup({ id: row.id, arrayId: row.arrayId, name: row.name });
  return groupDto(runtime, row);
}

export interface GroupChanges {
  name?: string | undefined;
  autoDelete?: boolean | undefined;
}

/** Renames a group and/or sets whether it goes with its last mapping; both are checked before either applies. */
export async function updateGroup(runtime: Runtime, id: string, changes: GroupChanges, actor: Actor): Promise<GroupDto> {
  const row = await runtime.db.$transaction(async (tx) => {
    const group = await tx.consistencyGroup.findUnique({ where: { id } });
    if (group === null) throw new ApiError(404, `consistency group "${id}" does not exist`);
    const name = changes.name ?? group.name;
    if (name !== group.name) {
      const siblings = await tx.consistencyGroup.findMany({ where: { arrayId: group.arrayId, NOT: { id } }, select: { name: true } });
      if (siblings.some((g) => g.name.toLowerCase() === name.toLowerCase()))
        throw new ApiError(409, `a consistency group named "${name}" already exists on this array`);
    }
    const autoDelete = changes.autoDelete ?? group.autoDelete;
    if (name === group.name && autoDelete === group.autoDelete) return group;
    const updated = await tx.consistencyGroup.update({ where: { id }, data: { name, autoDelete } });
    const renamed = name === group.name ? {} : { from: group.name };
    await recordEvent(tx, {
      kind: name === group.name ? 'consistency-group.changed' : 'consistency-group.renamed',
      subjectType: 'consistency-group',
      subjectId: id,
      arrayId: group.arrayId,
      actor: actor.name,
      details: { name, autoDelete, ...renamed },
    });
    return updated;
  });
  runtime.engine.putGroup({ id: row.id, arrayId: row.arrayId, name: row.name });
  return groupDto(runtime, row);
}

/**
 * Deletes an autodelete group its last mapping just left (the mapping was deleted, removed itself
 * on completion, or moved out). The engine reports the departure; the inventory row goes here.
 */
export async function deleteGroupIfLeftEmpty(runtime: Runtime, groupId: string): Promise<boolean> {
  if ([...runtime.engine.copies()].some((r) => r.consistencyGroupId === groupId)) return false;
  const deleted = await runtime.db.$transaction(async (tx) => {
    const group = await tx.consistencyGroup.findUnique({ where: { id: groupId } });
    if (group === null || !group.autoDelete) return false;
    // deleteMany: a forced delete of the same group may have taken it already.
    const { count } = await tx.consistencyGroup.deleteMany({ where: { id: groupId } });
    if (count === 0) return false;
    await recordEvent(tx, {
      kind: 'consistency-group.deleted',
      subjectType: 'consistency-group',
      subjectId: groupId,
      arrayId: group.arrayId,
      actor: 'system',
      details: { name: group.name, cause: 'autodelete: its last mapping left' },
    });
    return true;
  });
  if (deleted) runtime.engine.removeGroup(groupId);
  return deleted;
}

/**
 * Deletes a group. A group with mappings is refused unless `force`: then its mappings leave it and
 * go on as stand-alone mappings in whatever state they are (SVC rmfcconsistgrp -force).
 */
export async function deleteGroup(runtime: Runtime, id: string, force: boolean, actor: Actor): Promise<void> {
  const group = await requireGroup(runtime, id);
  const members = [...runtime.engine.copies()].filter((r) => r.consistencyGroupId === id);
  if (members.length > 0 && !force) {
    throw new ApiError(
      409,
      `consistency group ${group.name} holds ${members.length} mapping(s): remove them from it first, or delete with force to leave them stand-alone`,
    );
  }
  if (members.length > 0) {
    await runCommand(runtime, actor, (engine) => {
      for (const member of members) engine.setCopyGroup(member.id, null, { leaveInAnyState: true });
    });
  }
  await runtime.db.$transaction(async (tx) => {
    // deleteMany: an autodelete group may have gone by itself when its mappings left.
    await tx.consistencyGroup.deleteMany({ where: { id } });
    await recordEvent(tx, {
      kind: 'consistency-group.deleted',
      subjectType: 'consistency-group',
      subjectId: id,
      arrayId: group.arrayId,
      actor: actor.name,
      details: { name: group.name, ...(members.length > 0 ? { released: members.map((m) => m.name) } : {}) },
    });
  });
  runtime.engine.removeGroup(id);
}

/**
 * An action on every member at one instant (start, stop, withdraw, resync, …; `freeze` for a
 * DS6000 resync), or `thaw` on a DS6000 group.
 */
export async function actOnGroup(
  runtime: Runtime,
  id: string,
  action: string,
  mode: string | undefined,
  actor: Actor,
  options: { freeze?: boolean | undefined } = {},
): Promise<{ group: GroupDto; members: CopyDto[] }> {
  const row = await requireGroup(runtime, id);
  if (action === THAW_ACTION) return thawGroup(runtime, row, { mode, ...options }, actor);
  const freeze = options.freeze === true ? { freeze: true } : {};
  const members = await runCommand(runtime, actor, (engine) => engine.actOnGroup(id, action, mode, freeze));
  return { group: groupDto(runtime, row), members: members.map((m) => copyDto(runtime.engine, m)) };
}

/**
 * DS CLI unfreezeflash: every source the group holds frozen takes host writes again, at once. A
 * group with nothing frozen (thawed already, or timed out) is thawed all the same, as the DS CLI
 * answers: a script that always thaws after establishing need not know whether the timeout came first.
 */
async function thawGroup(
  runtime: Runtime,
  row: ConsistencyGroup,
  options: { mode?: string | undefined; freeze?: boolean | undefined },
  actor: Actor,
): Promise<{ group: GroupDto; members: CopyDto[] }> {
  const array = runtime.engine.fleet.array(row.arrayId);
  if (array === undefined || tableFor(array.model).freezeWith === undefined) {
    throw new ApiError(
      400,
      `thaw is a DS6000 FlashCopy consistency-group action (unfreezeflash): consistency group ${row.name} is on ${array?.name ?? row.arrayId} (${array?.model ?? 'unknown'}), whose groups never freeze`,
    );
  }
  if (options.mode !== undefined || options.freeze !== undefined) throw new ApiError(400, 'thaw takes no mode and no freeze');
  const thawed = await runCommand(runtime, actor, (engine) => engine.thawGroup(row.id));
  await recordEvent(runtime.db, {
    kind: 'consistency-group.thawed',
    subjectType: 'consistency-group',
    subjectId: row.id,
    arrayId: row.arrayId,
    actor: actor.name,
    details: { name: row.name, released: thawed.map((m) => m.name) },
  });
  const members = [...runtime.engine.copies()].filter((r) => r.consistencyGroupId === row.id);
  return { group: groupDto(runtime, row), members: members.map((m) => copyDto(runtime.engine, m)) };
}

/** Deletes autodelete groups as their last mappings leave them, whoever made them leave. */
export function watchAutoDeleteGroups(runtime: Runtime): () => void {
  return runtime.engine.on((event) => {
    const left = event.kind === 'copy.removed' ? event.groupId : event.kind === 'copy.group-changed' ? event.from : null;
    if (left === null) return;
    deleteGroupIfLeftEmpty(runtime, left).catch((error: unknown) =>
      runtime.log.error({ err: error, groupId: left }, 'could not delete an emptied autodelete consistency group'),
    );
  });
}
