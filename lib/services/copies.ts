// Copy relationships through the engine: every command runs in the engine (which owns the rules)
// and is saved before the API answers, with events attributed to whoever asked.
import type { z } from 'zod';
import type { CopyView, Engine, Relationship } from '../../engine';
import { bitmapCells, type BitmapCells } from '../../engine/copy/bitmap-cells';
import type { ActionAvailability } from '../../engine/copy/tables';
import type { CopyQuery, CreateCopyBody } from '../api/copy-schemas';
import { ApiError } from '../http/api-error';
import type { Runtime } from '../runtime';
import type { Actor } from './volumes';

export type CopyDto = CopyView & { actions: ActionAvailability[] };

export function copyDto(engine: Engine, relationship: Relationship): CopyDto {
  return { ...engine.view(relationship), actions: engine.actions(relationship) };
}

export function listCopies(engine: Engine, query: z.output<typeof CopyQuery>): CopyDto[] {
  const matches = (r: Relationship) =>
    (query.type === undefined || r.type === query.type) &&
    (query.state === undefined || r.state === query.state) &&
    (query.arrayId === undefined || r.arrayId === query.arrayId) &&
    (query.volumeId === undefined || r.sourceVolumeId === query.volumeId || r.targetVolumeId === query.volumeId);
  return [...engine.copies()].filter(matches).sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id)).map((r) => copyDto(engine, r));
}

export function getCopy(engine: Engine, id: string): CopyDto {
  return copyDto(engine, engine.requireCopy(id));
}

/** The copy's bitmaps in at most `cellsMax` cells, for the detail page's heatmap. */
export function getCopyBitmap(engine: Engine, id: string, cellsMax: number): BitmapCells {
  return bitmapCells(engine.requireCopy(id), cellsMax);
}

/** Runs an engine command as `actor` and saves its consequences before returning. */
async function command<T>(runtime: Runtime, actor: Actor, run: () => T): Promise<T> {
  const result = runtime.persister.as(actor.name, run);
  await runtime.persister.flush();
  return result;
}

export async function createCopy(runtime: Runtime, input: z.output<typeof CreateCopyBody>, actor: Actor): Promise<CopyDto> {
  const { engine, db } = runtime;
  if (input.consistencyGroupId !== undefined) {
    const group = await db.consistencyGroup.findUnique({ where: { id: input.consistencyGroupId } });
    if (group === null) throw new ApiError(404, `consistency group "${input.consistencyGroupId}" does not exist`);
    const source = engine.requireVolume(input.sourceVolumeId);
    if (group.arrayId !== source.arrayId) throw new ApiError(422, `consistency group ${group.name} is on another array`, [`consistency group ${group.name} is on another array`]);
  }
  const created = runtime.persister.as(actor.name, () => engine.createCopy(input));
  try {
    await runtime.persister.flush();
  } catch (error) {
    engine.discard(created.id);
    throw error;
  }
  return copyDto(engine, created);
}

export async function actOnCopy(runtime: Runtime, id: string, action: string, mode: string | undefined, actor: Actor): Promise<CopyDto> {
  const relationship = await command(runtime, actor, () => runtime.engine.act(id, action, mode));
  return copyDto(runtime.engine, relationship);
}

export interface CopyChanges {
  options?: Record<string, unknown>;
  name?: string;
}

/** Changes options and/or the name; both are checked before either is applied. */
export async function patchCopy(runtime: Runtime, id: string, changes: CopyChanges, actor: Actor): Promise<CopyDto> {
  const { engine } = runtime;
  const relationship = await command(runtime, actor, () => {
    if (changes.name !== undefined) engine.checkCopyName(id, changes.name);
    if (changes.options !== undefined) engine.setOptions(id, changes.options);
    return changes.name === undefined ? engine.requireCopy(id) : engine.renameCopy(id, changes.name);
  });
  return copyDto(engine, relationship);
}

/** Moves a Storwize mapping into a consistency group or out of one (null). */
export async function setCopyGroup(runtime: Runtime, id: string, groupId: string | null, actor: Actor): Promise<CopyDto> {
  const relationship = runtime.engine.requireCopy(id);
  if (groupId !== null) {
    const group = await runtime.db.consistencyGroup.findUnique({ where: { id: groupId } });
    if (group === null) throw new ApiError(404, `consistency group "${groupId}" does not exist`);
    if (group.arrayId !== relationship.arrayId) throw new ApiError(422, `consistency group ${group.name} is on another array`, [`consistency group ${group.name} is on another array`]);
  }
  const moved = await command(runtime, actor, () => runtime.engine.setCopyGroup(id, groupId));
  return copyDto(runtime.engine, moved);
}

/** `force` removes a Storwize mapping in any state (its target's contents are then not a consistent image). */
export async function deleteCopy(runtime: Runtime, id: string, actor: Actor, options: { force?: boolean } = {}): Promise<void> {
  await command(runtime, actor, () => runtime.engine.removeCopy(id, options));
}
