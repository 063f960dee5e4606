// Faults and controllers through the engine (docs/api.md#faults-and-controllers): every command runs in the engine, which
// owns the rules, and is saved (fault rows, controller status, the consequences and their events)
// before the API answers, with the events attributed to whoever asked (run-command.ts).
import type { z } from 'zod';
import type { Fault } from '../../engine';
import type { ControllerSlot } from '../../engine/model';
import type { CreateFaultBody, FaultQuery } from '../api/fault-schemas';
import { ApiError } from '../http/api-error';
import type { Runtime } from '../runtime';
import type { ArrayView } from './dto';
import { getArray } from './fleet';
import { runCommand, type Actor } from './run-command';

export interface FaultDto extends Omit<Fault, 'sinceMs'> {
  since: string;
}

/** A fault as the API shows it: a mapper of the engine's record, not a service. */
export function faultDto(fault: Fault): FaultDto {
  const { sinceMs, ...rest } = fault;
  return { ...rest, since: new Date(sinceMs).toISOString() };
}

export function listFaults(runtime: Runtime, query: z.output<typeof FaultQuery>): FaultDto[] {
  return runtime.engine
    .faults()
    .filter((fault) => (query.arrayId === undefined || fault.arrayId === query.arrayId) && (query.kind === undefined || fault.kind === query.kind))
    .map(faultDto);
}

export function getFault(runtime: Runtime, id: string): FaultDto {
  return faultDto(runtime.engine.requireFault(id));
}

export async function injectFault(runtime: Runtime, input: z.output<typeof CreateFaultBody>, actor: Actor): Promise<FaultDto> {
  return faultDto(await runCommand(runtime, actor, (engine) => engine.injectFault(input)));
}

export async function clearFault(runtime: Runtime, id: string, actor: Actor): Promise<void> {
  await runCommand(runtime, actor, (engine) => engine.clearFault(id));
}

/** The path's slot, or 404: an array has controllers A and B only. */
function controllerSlot(runtime: Runtime, arrayId: string, slot: string): ControllerSlot {
  const array = runtime.engine.requireArray(arrayId);
  if (slot !== 'A' && slot !== 'B') throw new ApiError(404, `array ${array.name} has no controller "${slot}": its controllers are A and B`);
  return slot;
}

export async function failController(runtime: Runtime, arrayId: string, slot: string, actor: Actor): Promise<ArrayView> {
  const controller = controllerSlot(runtime, arrayId, slot);
  await runCommand(runtime, actor, (engine) => engine.failController(arrayId, controller));
  return getArray(runtime, arrayId);
}

export async function restoreController(runtime: Runtime, arrayId: string, slot: string, actor: Actor): Promise<ArrayView> {
  const controller = controllerSlot(runtime, arrayId, slot);
  await runCommand(runtime, actor, (engine) => engine.restoreController(arrayId, controller));
  return getArray(runtime, arrayId);
}
