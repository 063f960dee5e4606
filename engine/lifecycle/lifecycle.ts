// How a relationship moves between states: the table's row is applied, the states' exit and
// entry actions run, the row's own actions follow, and the new state's timer is set. Everything
// a state does on entry is named in its table (copy/types.ts), carried out in state-actions.ts.
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { applyEffect } from '../copy/effects';
import { automaticTransition, stateSpec } from '../copy/tables';
import type { AutomaticEvent, Transition } from '../copy/types';
import { afterChange } from '../core/registry';
import type { EngineState } from '../core/state';
import { isMember } from '../io/chain';
import { cleaningGrainsLeft, cleanNow } from '../io/cleaning';
import { markActive } from '../schedule/active';
import { afterEffect, announce, beforeEffect } from './image-effects';
import { runEntryAction, runExitAction, runTransitionAction } from './state-actions';

export function transition(s: EngineState, relationship: Relationship, row: Omit<Transition, 'from'>, cause: string): void {
  const table = s.tableOf(relationship);
  const from = relationship.state;
  assert(Object.hasOwn(table.states, row.to), `${table.type} has no state ${row.to}`);
  assert(s.relationships.has(relationship.id), `copy ${relationship.id} changes state but is not registered`);
  if (relationship.timerId !== null) {
    s.clock.cancel(relationship.timerId);
    relationship.timerId = null;
  }
  if (from !== row.to && Object.hasOwn(table.states, from)) {
    for (const action of stateSpec(table, from).onExit ?? []) runExitAction(s, relationship, action);
    // Leaving its chain by a fault or a forced delete: whoever reads through it gets its grains now.
    const fromSpec = stateSpec(table, from);
    if (isMember(relationship, fromSpec) && stateSpec(table, row.to).data !== 'point-in-time') {
      announce(s, cleanNow(s.io, { relationship, spec: fromSpec }));
    }
  }
  relationship.state = row.to;
  relationship.stateChangedAtMs = s.clock.nowMs();
  relationship.updatedAtMs = relationship.stateChangedAtMs;
  s.emit({ kind: 'copy.state-changed', copyId: relationship.id, arrayId: relationship.arrayId, from, to: row.to, cause });
  enter(s, relationship, row);
}

/** The effect on the bitmaps, the new state's timer and entry actions, then the row's own actions. */
export function enter(s: EngineState, relationship: Relationship, row: Omit<Transition, 'from'>): void {
  const before = beforeEffect(s, relationship, row.effect);
  applyEffect(relationship, row.effect, s.clock.nowMs());
  afterEffect(s, relationship, row.effect, before);
  const spec = s.specOf(relationship);
  if (spec.data !== 'point-in-time') relationship.joinedChain = false;
  // Cleaning progress counts from here (0 until cleaning begins in another state).
  relationship.cleanGrains = spec.cleans === true ? cleaningGrainsLeft(s.io, { relationship, spec }) : 0;
  if (spec.after !== undefined) startTimer(s, relationship, spec.after.ms, spec.after.event);
  const state = relationship.state;
  for (const action of spec.onEnter ?? []) {
    // An entry action may have moved the relationship on (or removed it): the rest are for a state it left.
    if (relationship.state !== state || !s.relationships.has(relationship.id)) return;
    runEntryAction(s, relationship, action);
  }
  for (const action of row.then ?? []) {
    if (!s.relationships.has(relationship.id)) return;
    runTransitionAction(s, relationship, action, row);
  }
}

/** Fires the table's automatic transition for `event` (and `mode`), if the state has one. */
export function automatic(s: EngineState, relationship: Relationship, event: AutomaticEvent, mode?: string): boolean {
  const row = automaticTransition(s.tableOf(relationship), event, relationship.state, mode);
  if (row === undefined) return false;
  if (row.guard === 'cleaned' && cleaningGrainsLeft(s.io, { relationship, spec: s.specOf(relationship) }) > 0) return false;
  if (row.guard === 'ends-by-itself' && 'persistent' in relationship.options && relationship.options.persistent) return false;
  transition(s, relationship, row, `automatic:${event}`);
  afterChange(s, relationship);
  return true;
}

function startTimer(s: EngineState, relationship: Relationship, delayMs: number, event: AutomaticEvent): void {
  relationship.timerId = s.clock.schedule(s.clock.nowMs() + delayMs, () => {
    relationship.timerId = null;
    if (!s.relationships.has(relationship.id)) return;
    // A timer that runs out without a transition (its guard holds it: cleaning left) still changes
    // what the next ticks do with the relationship: completeCleaning tries again from then on.
    markActive(s, relationship.id);
    automatic(s, relationship, event);
  });
}

/** After a restart: a timed state (prepare, stop, delete) goes on where it was when the engine stopped. */
export function resumeTimer(s: EngineState, relationship: Relationship): void {
  const after = s.specOf(relationship).after;
  if (after === undefined) return;
  const dueMs = relationship.stateChangedAtMs + after.ms;
  startTimer(s, relationship, Math.max(0, dueMs - s.clock.nowMs()), after.event);
}
