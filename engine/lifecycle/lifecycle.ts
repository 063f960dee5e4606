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
import { applyWriteRules } from '../io/host-io';
import { excludeRestoredGrains, isMember, materialise, preserveBeforeNewImage } from '../io/chain';
import { cleaningGrainsLeft, cleanNow } from '../io/cleaning';
import { noteImage, runEntryAction, runExitAction, runTransitionAction } from './state-actions';

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
  const reverse = row.effect === 'reverse-restore' || row.effect === 'fast-reverse-restore';
  const newImage = row.effect === 'point-in-time' || row.effect === 'split' || row.effect === 'refresh' || reverse;
  // A normal reverse restore completes the target first; a fast one leaves it without a usable image.
  if (row.effect === 'reverse-restore') materialise(s.io, relationship, 0, relationship.grainCount);
  if (row.effect === 'quick-restore') announce(s, swapImages(s, relationship));
  const unusable = row.effect === 'fast-reverse-restore' && relationship.toCopy.count() > 0 ? relationship.targetVolumeId : null;
  if (newImage) {
    // The target is about to present other bytes: what copies from it gets the rest of its image first.
    relationship.joinedChain = false;
    announce(s, preserveBeforeNewImage(s.io, relationship));
  }
  // The target's image changes where its uncopied grains are given up, or where a new T0 redirects.
  if (row.effect === 'discard-target' && relationship.joinedChain) markImageChanged(s, relationship);
  applyEffect(relationship, row.effect, s.clock.nowMs());
  if (newImage) {
    excludeRestoredGrains(s.io, relationship);
    markImageChanged(s, relationship);
    noteImage(s, relationship.targetVolumeId, null);
  }
  if (unusable !== null) noteImage(s, unusable, `no usable image: ${relationship.name} was fast-reverse-restored before its copy completed`);
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
    if (s.relationships.has(relationship.id)) automatic(s, relationship, event);
  });
}

/** After a restart: a timed state (prepare, stop, delete) goes on where it was when the engine stopped. */
export function resumeTimer(s: EngineState, relationship: Relationship): void {
  const after = s.specOf(relationship).after;
  if (after === undefined) return;
  const dueMs = relationship.stateChangedAtMs + after.ms;
  startTimer(s, relationship, Math.max(0, dueMs - s.clock.nowMs()), after.event);
}

/** Other relationships whose bitmaps a chain rule changed: saved and pushed like any change. */
function announce(s: EngineState, changed: Iterable<Relationship>): void {
  for (const other of changed) {
    other.updatedAtMs = s.clock.nowMs();
    s.emit({ kind: 'copy.progress', copyId: other.id, arrayId: other.arrayId, cause: 'chain' });
  }
}

/**
 * The target of `relationship` presents other bytes on its grains to copy: every other
 * relationship holding that volume records them as changed (an incremental mapping copying from
 * it must copy them again).
 */
function markImageChanged(s: EngineState, relationship: Relationship): void {
  const volumeId = relationship.targetVolumeId;
  for (const { relationship: other, spec } of s.holdings(volumeId)) {
    if (other === relationship) continue;
    // A mirror copying from it (an XP7 layer-2 pair in PAIR) copies those grains again.
    if (spec.data === 'mirror' && spec.copier === 'forward' && other.sourceVolumeId === volumeId) {
      if (other.toCopy.grainCount === relationship.toCopy.grainCount) other.toCopy.union(relationship.toCopy);
      else other.toCopy.setRange(0, other.grainCount);
    }
    if (!spec.trackChanges) continue;
    const diff = other.sourceVolumeId === volumeId ? other.sourceDiff : other.targetDiff;
    if (diff.grainCount === relationship.toCopy.grainCount) diff.union(relationship.toCopy);
    else if (relationship.toCopy.count() > 0) diff.setRange(0, diff.grainCount);
  }
}

/**
 * XP7 quick restore: the P-VOL and S-VOL exchange their data where it differs (grains changed on
 * either since the split; elsewhere they are equal). The P-VOL's side counts as a host write for
 * its other pairs (their rules run first); the S-VOL belongs to this pair alone.
 */
function swapImages(s: EngineState, relationship: Relationship): Set<Relationship> {
  const changed = relationship.sourceDiff.clone();
  changed.union(relationship.targetDiff);
  changed.union(relationship.toCopy);
  const others = s.holdings(relationship.sourceVolumeId).filter((h) => h.relationship !== relationship);
  // The S-VOL may be a layer-1 S-VOL, the P-VOL of layer-2 pairs.
  const below = s.holdings(relationship.targetVolumeId).filter((h) => h.relationship !== relationship);
  const touched = new Set<Relationship>();
  const source = s.store(relationship.sourceVolumeId);
  const target = s.store(relationship.targetVolumeId);
  let grain = changed.nextSet(0);
  while (grain >= 0) {
    const clear = changed.nextClear(grain);
    const stop = clear < 0 ? relationship.grainCount : clear;
    const offsetBytes = grain * relationship.grainBytes;
    const lengthBytes = Math.min(stop * relationship.grainBytes, relationship.sourceCapacityBytes) - offsetBytes;
    const sourceBytes = source.read(offsetBytes, lengthBytes);
    const targetBytes = target.read(offsetBytes, lengthBytes);
    for (const other of applyWriteRules(s.io, relationship.sourceVolumeId, others, offsetBytes, lengthBytes)) touched.add(other);
    for (const other of applyWriteRules(s.io, relationship.targetVolumeId, below, offsetBytes, lengthBytes)) touched.add(other);
    for (const { relationship: other } of [...others, ...below]) touched.add(other);
    source.write(offsetBytes, targetBytes);
    target.write(offsetBytes, sourceBytes);
    grain = clear < 0 ? -1 : changed.nextSet(stop);
  }
  return touched;
}
