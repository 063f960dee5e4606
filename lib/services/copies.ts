// Copy relationships through the engine: every command runs in the engine (which owns the rules)
// and is saved before the API answers, with events attributed to whoever asked (run-command.ts).
import type { z } from 'zod';
import type { CopyView, Engine, Relationship } from '../../engine';
import { bitmapCells, type BitmapCells } from '../../engine/copy/bitmap-cells';
import type { ActionAvailability } from '../../engine/copy/tables';
import type { CopyQuery, CreateCopyBody } from '../api/copy-schemas';
import { ApiError } from '../http/api-error';
import type { Runtime } from '../runtime';
import { runCommand, type Actor } from './run-command';

export type CopyDto = CopyView & { actions: ActionAvailability[] };

/**
 * A relationship as the API shows it. A mapper, not a service: it takes the engine alone because
 * the live push (lib/realtime/live-push.ts) and the group services call it with the engine in hand;
 * route handlers call the services below instead.
 */
export function copyDto(engine: Engine, relationship: Relationship): CopyDto {
  return { ...engine.view(relationship), actions: engine.actions(relationship) };
}

export function listCopies(runtime: Runtime, query: z.output<typeof CopyQuery>): CopyDto[] {
  const { engine } = runtime;
  const matches = (r: Relationship) =>
    (query.type === undefined || r.type === query.type) &&
    (query.state === undefined || r.state === query.state) &&
    (query.arrayId === undefined || r.arrayId === query.arrayId) &&
    (query.volumeId === undefined || r.sourceVolumeId === query.volumeId || r.targetVolumeId === query.volumeId);
  return [...engine.copies()]
    .filter(matches)
    .sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id))
    .map((r) => copyDto(engine, r));
}

export function getCopy(runtime: Runtime, id: string): CopyDto {
  return copyDto(runtime.engine, runtime.engine.requireCopy(id));
}

/** The copy's bitmaps in at most `cellsMax` cells, for the detail page's heatmap. */
export function getCopyBitmap(runtime: Runtime, id: string, cellsMax: number): BitmapCells {
  return bitmapCells(runtime.engine.requireCopy(id), cellsMax);
}

/** The group must exist (404) and be on the array of `arrayIdOf` (422), in that order. */
async function requireGroupOnArray(runtime: Runtime, groupId: string, arrayIdOf: () => string): Promise<void> {
  const group = await runtime.db.consistencyGroup.findUnique({ where: { id: groupId } });
  if (group === null) throw new ApiError(404, `consistency group "${groupId}" does not exist`);
  if (group.arrayId !== arrayIdOf())
    throw new ApiError(422, `consistency group ${group.name} is on another array`, [`consistency group ${group.name} is on another array`]);
}

export async function createCopy(runtime: Runtime, input: z.output<typeof CreateCopyBody>, actor: Actor): Promise<CopyDto> {
  if (input.consistencyGroupId !== undefined) {
    await requireGroupOnArray(runtime, input.consistencyGroupId, () => runtime.engine.requireVolume(input.sourceVolumeId).arrayId);
  }
  // A relationship whose row could not be saved must not go on copying in the engine alone.
  const created = await runCommand(runtime, actor, (engine) => engine.createCopy(input), {
    undoUnsaved: (engine, relationship) => engine.discard(relationship.id),
  });
  return copyDto(runtime.engine, created);
}

export async function actOnCopy(runtime: Runtime, id: string, action: string, mode: string | undefined, actor: Actor): Promise<CopyDto> {
  const relationship = await runCommand(runtime, actor, (engine) => engine.act(id, action, mode));
  return copyDto(runtime.engine, relationship);
}

export interface CopyChanges {
  options?: Record<string, unknown>;
  name?: string;
}

/** Changes options and/or the name; both are checked before either is applied. */
export async function patchCopy(runtime: Runtime, id: string, changes: CopyChanges, actor: Actor): Promise<CopyDto> {
  const relationship = await runCommand(runtime, actor, (engine) => {
    if (changes.name !== undefined) engine.checkCopyName(id, changes.name);
    if (changes.options !== undefined) engine.setOptions(id, changes.options);
    return changes.name === undefined ? engine.requireCopy(id) : engine.renameCopy(id, changes.name);
  });
  return copyDto(runtime.engine, relationship);
}

/** Moves a Storwize mapping into a consistency group or out of one (null). */
export async function setCopyGroup(runtime: Runtime, id: string, groupId: string | null, actor: Actor): Promise<CopyDto> {
  const relationship = runtime.engine.requireCopy(id);
  if (groupId !== null) await requireGroupOnArray(runtime, groupId, () => relationship.arrayId);
  const moved = await runCommand(runtime, actor, (engine) => engine.setCopyGroup(id, groupId));
  return copyDto(runtime.engine, moved);
}

/** `force` removes a Storwize mapping in any state (its target's contents are then not a consistent image). */
export async function deleteCopy(runtime: Runtime, id: string, actor: Actor, options: { force?: boolean } = {}): Promise<void> {
  await runCommand(runtime, actor, (engine) => engine.removeCopy(id, options));
}
