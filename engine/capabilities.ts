// What each array model offers, asked by the console instead of restating the services' rules.
import { tableFor } from './copy/tables';
import { FAULT_KINDS, type FaultKind } from './faults/fault';
import type { ArrayModel } from './model';

/** Whether a copy may be created without starting it (SANtricity and Storwize hold one unstarted). */
export function canCreateUnstarted(model: ArrayModel): boolean {
  return tableFor(model).created.unstarted !== null;
}

/** Why a copy cannot be created unstarted on this model, or null when it can. */
export function unstartedRefusal(model: ArrayModel): string | null {
  return tableFor(model).created.unstartedRefusal ?? null;
}

/** The faults the simulation can inject on an array of this model (metadata loss is Storwize's). */
export function faultKindsFor(model: ArrayModel): readonly FaultKind[] {
  return FAULT_KINDS.filter((kind) => kind !== 'metadata-loss' || tableFor(model).automatic['metadata-lost'] !== undefined);
}
