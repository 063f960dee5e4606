// Storwize consistency groups: named sets of mappings prepared, started and stopped together at
// one point in time. The group's state is its members' common state ("mixed" when they differ).
import type { Runtime } from '../runtime';
import type { ConsistencyGroup } from '../db/generated/client';
import { ApiError } from '../http/api-error';
import { copyDto, type CopyDto } from './copies';
import { recordEvent } from './events';
import type { Actor } from './volumes';

export interface GroupDto {
  id: string;
  arrayId: string;
  name: string;
  state: string;
  memberIds: string[];
  createdAt: string;
}

function groupDto(runtime: Runtime, row: ConsistencyGroup): GroupDto {
  const members = [...runtime.engine.copies()].filter((r) => r.consistencyGroupId === row.id);
  const states = new Set(members.map((m) => m.state));
  const state = members.length === 0 ? 'empty' : states.size === 1 ? [...states][0]! : 'mixed';
  return { id: row.id, arrayId: row.arrayId, name: row.name, state, memberIds: members.map((m) => m.id), createdAt: row.createdAt.toISOString() };
}

export async function listGroups(runtime: Runtime): Promise<GroupDto[]> {
  const rows = await runtime.db.consistencyGroup.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((row) => groupDto(runtime, row));
}

export async function createGroup(runtime: Runtime, input: { arrayId: string; name: string }, actor: Actor): Promise<GroupDto> {
  const array = runtime.engine.fleet.array(input.arrayId);
  if (array === undefined) throw new ApiError(404, `array "${input.arrayId}" does not exist`);
  if (array.model !== 'storwize') {
    const reason = `consistency groups are a Storwize FlashCopy feature; ${array.name} is ${array.model}`;
    throw new ApiError(422, reason, [reason]);
  }
  const row = await runtime.db.$transaction(async (tx) => {
    const clash = await tx.consistencyGroup.findUnique({ where: { arrayId_name: { arrayId: array.id, name: input.name } } });
    if (clash !== null) throw new ApiError(409, `a consistency group named "${input.name}" already exists on ${array.name}`);
    const created = await tx.consistencyGroup.create({ data: { arrayId: array.id, name: input.name, state: 'empty' } });
    await recordEvent(tx, { kind: 'consistency-group.created', subjectType: 'consistency-group', subjectId: created.id, arrayId: array.id, actor: actor.name, details: { name: input.name } });
    return created;
  });
  return groupDto(runtime, row);
}

export async function actOnGroup(runtime: Runtime, id: string, action: string, mode: string | undefined, actor: Actor): Promise<{ group: GroupDto; members: CopyDto[] }> {
  const row = await runtime.db.consistencyGroup.findUnique({ where: { id } });
  if (row === null) throw new ApiError(404, `consistency group "${id}" does not exist`);
  const members = runtime.persister.as(actor.name, () => runtime.engine.actOnGroup(id, action, mode));
  await runtime.persister.flush();
  return { group: groupDto(runtime, row), members: members.map((m) => copyDto(runtime.engine, m)) };
}
