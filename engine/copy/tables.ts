// The state tables by array model, and the questions every caller asks of them.
import type { ArrayModel } from '../model';
import { ds6000FlashCopyTable } from './flashcopy-ds6000';
import { storwizeFlashCopyTable } from './flashcopy-storwize';
import { shadowImageTable } from './shadowimage';
import { snapshotTable } from './snapshot';
import type { RelationshipType, ServiceTable, StateSpec, Transition } from './types';
import { volumeCopyTable } from './volume-copy';

export const SERVICE_TABLES: Record<ArrayModel, ServiceTable> = {
  santricity: volumeCopyTable,
  xp7: shadowImageTable,
  storwize: storwizeFlashCopyTable,
  ds6000: ds6000FlashCopyTable,
};

export function tableFor(model: ArrayModel): ServiceTable {
  return SERVICE_TABLES[model];
}

/** The table of a relationship the engine holds: its array's copy service, or the snapshot table. */
export function tableOfRelationship(relationship: { model: ArrayModel; type: RelationshipType }): ServiceTable {
  return relationship.type === 'snapshot' ? snapshotTable : SERVICE_TABLES[relationship.model];
}

export function stateSpec(table: ServiceTable, state: string): StateSpec {
  const spec = Object.hasOwn(table.states, state) ? table.states[state] : undefined;
  if (spec === undefined) throw new Error(`${table.type} has no state "${state}"`);
  return spec;
}

export type TransitionLookup = { ok: true; transition: Transition } | { ok: false; status: 409 | 400; reason: string };

/** A state as people read it: the vendor's name, without the underscores of an identifier ("idle or copied"). */
export function stateWords(state: string): string {
  return state.replace(/_/g, ' ');
}

/** "pending or in-progress", "idle or copied, or stopped": states in words, the last joined by "or". */
export function statesInWords(states: readonly string[]): string {
  const words = states.map(stateWords);
  if (words.length <= 1) return words.join('');
  // A comma before the last "or" when a name holds an "or" of its own or the list is longer than two.
  const comma = words.length > 2 || words.some((word) => word.includes(' or ')) ? ',' : '';
  return `${words.slice(0, -1).join(', ')}${comma} or ${words[words.length - 1]}`;
}

function describeFrom(rows: readonly Transition[]): string {
  return statesInWords([...new Set(rows.flatMap((row) => row.from))]);
}

/** The row of `action` that applies in `state` (and `mode`), or why none does. */
export function findTransition(table: ServiceTable, action: string, state: string, mode?: string): TransitionLookup {
  // Own keys only: "constructor" or "__proto__" must not find what plain objects inherit.
  const spec = Object.hasOwn(table.actions, action) ? table.actions[action] : undefined;
  if (spec === undefined) {
    // The copy exists; the request names an action it does not have: bad input, not a missing object.
    return { ok: false, status: 400, reason: `${table.type} has no action "${action}"; its actions are ${Object.keys(table.actions).join(', ')}` };
  }
  if (mode !== undefined && !(spec.modes ?? []).includes(mode)) {
    const allowed = spec.modes ? `one of ${spec.modes.join(', ')}` : 'none';
    return { ok: false, status: 400, reason: `${action} takes mode ${allowed}, not "${mode}"` };
  }
  const chosenMode = mode ?? spec.modes?.[0];
  const rows = spec.transitions.filter((row) => row.mode === undefined || row.mode === chosenMode);
  const row = rows.find((candidate) => candidate.from.includes(state));
  if (row === undefined) {
    const modeText = chosenMode === undefined ? '' : ` (${chosenMode})`;
    const when = `it applies only when the ${table.noun} is ${describeFrom(rows)}`;
    return { ok: false, status: 409, reason: `${action}${modeText} is not allowed while the ${table.noun} is ${stateWords(state)}: ${when}` };
  }
  return { ok: true, transition: row };
}

export interface ActionAvailability {
  action: string;
  label: string;
  allowed: boolean;
  destructive: boolean;
  modes: readonly string[];
  /** Modes allowed now (all of `modes` can differ by state, e.g. resync reverse only from PSUS). */
  allowedModes: readonly string[];
  reason?: string;
}

/** Every action of the service, whether it is allowed in `state`, and why not. */
export function actionsIn(table: ServiceTable, state: string): ActionAvailability[] {
  return Object.entries(table.actions).map(([action, spec]) => {
    const modes = spec.modes ?? [];
    const allowedModes = modes.filter((mode) => findTransition(table, action, state, mode).ok);
    const lookup = findTransition(table, action, state);
    const allowed = modes.length > 0 ? allowedModes.length > 0 : lookup.ok;
    const availability: ActionAvailability = { action, label: spec.label, allowed, destructive: spec.destructive, modes, allowedModes };
    if (!allowed && !lookup.ok) availability.reason = lookup.reason;
    return availability;
  });
}

/** The automatic transition for `event` in `state` (and `mode`, where rows have one), if the table has one. */
export function automaticTransition(table: ServiceTable, event: keyof ServiceTable['automatic'], state: string, mode?: string): Transition | undefined {
  return table.automatic[event]?.find((row) => row.from.includes(state) && (row.mode === undefined || row.mode === mode));
}
