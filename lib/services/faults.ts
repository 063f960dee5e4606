// Faults and controllers through the engine (issue #7): every command runs in the engine, which
// owns the rules, and is saved (fault rows, controller status, the consequences and their events)
// before the API answers, with the events attributed to whoever asked.
import type { z } from 'zod';
import type { Engine, Fault } from '../../engine';
import type { ControllerSlot } from '../../engine/model';
import type { CreateFaultBody, FaultQuery } from '../api/fault-schemas';
import { ApiError } from '../http/api-error';
import type { Runtime } from '../runtime';
import type { ArrayView } from './dto';
import { getArray } from './fleet';
import type { Actor } from './volumes';

export interface FaultDto extends Omit<Fault, 'sinceMs'> {
  since: string;
}

export function faultDto(fault: Fault): FaultDto {
  const { sinceMs, ...rest } = fault;
  return { ...rest, since: new Date(sinceMs).toISOString() };
}

export function listFaults(engine: Engine, query: z.output<typeof FaultQuery>): FaultDto[] {
  return engine
    .faults()
    .filter((fault) => (query.arrayId === undefined || fault.arrayId === query.arrayId) && (query.kind === undefined || fault.kind === query.kind))
    .map(faultDto);
}

export function getFault(engine: Engine, id: string): FaultDto {
  return faultDto(engine.requireFault(id));
}

async function command<T>(runtime: Runtime, actor: Actor, run: () => T): Promise<T> {
  const result = runtime.persister.as(actor.name, run);
  await runtime.persister.flush();
  return result;
}

export async function injectFault(runtime: Runtime, input: z.output<typeof CreateFaultBody>, actor: Actor): Promise<FaultDto> {
  return faultDto(await command(runtime, actor, () => runtime.engine.injectFault(input)));
}

export async function clearFault(runtime: Runtime, id: string, actor: Actor): Promise<void> {
  await command(runtime, actor, () => runtime.engine.clearFault(id));
}

/** The path's slot, or 404: an array has controllers A and B only. */
export function controllerSlot(engine: Engine, arrayId: string, slot: string): ControllerSlot {
  const array = engine.requireArray(arrayId);
  if (slot !== 'A' && slot !== 'B') throw new ApiError(404, `array ${array.name} has no controller "${slot}": its controllers are A and B`);
  return slot;
}

export async function failController(runtime: Runtime, arrayId: string, slot: string, actor: Actor): Promise<ArrayView> {
  const controller = controllerSlot(runtime.engine, arrayId, slot);
  await command(runtime, actor, () => runtime.engine.failController(arrayId, controller));
  return getArray(runtime.db, arrayId, runtime.engine);
}

export async function restoreController(runtime: Runtime, arrayId: string, slot: string, actor: Actor): Promise<ArrayView> {
  const controller = controllerSlot(runtime.engine, arrayId, slot);
  await command(runtime, actor, () => runtime.engine.restoreController(arrayId, controller));
  return getArray(runtime.db, arrayId, runtime.engine);
}
