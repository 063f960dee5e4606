// The relationships a tick must visit. A tick used to walk every relationship five times (copier,
// cleaner, completions, queue), so a thousand stopped or idle mappings cost as much per tick as a
// thousand copying ones. Now a relationship is visited only while it is *active*:
// - every event naming it (a command, a host write, a timer's transition, another mapping's copier
//   or cleaner touching its bitmaps), naming one of its volumes, or naming its array (a controller
//   or fault) marks it active, so a change is always seen by the next tick;
// - a tick that finds it with work left (bytes to copy at a non-zero rate, a measured rate still
//   settling to 0, an update copy waiting for its time, grains to clean) keeps it active;
// - anything else leaves the set at the end of the tick: until an event names it again, every
//   phase of a tick would find nothing to do with it.
// Work per tick thus follows what moves and what changed, not how many relationships exist.
import type { Relationship } from '../copy/relationship';
import type { EngineState } from '../core/state';
import type { EngineEvent } from '../events';

/** Marks a relationship for the next tick (and for the rest of the tick under way, if one is). */
export function markActive(s: EngineState, relationshipId: string): void {
  s.active.add(relationshipId);
  s.markedDuringWork.add(relationshipId);
  s.markedSinceSettle.add(relationshipId);
}

/** What an event says may have to move: called by EngineState.emit before any listener hears it. */
export function markFor(s: EngineState, event: EngineEvent): void {
  // Progress moves bitmaps only; anything else may change a chain (state, membership, point in time).
  if (event.kind !== 'copy.progress' && event.kind !== 'workload.changed' && event.kind !== 'simulation.changed') s.keptChainMemo = null;
  switch (event.kind) {
    case 'copy.removed':
      s.active.delete(event.copyId);
      return;
    case 'volume.changed':
    case 'volume.owner-changed':
      for (const id of s.byVolume.get(event.volumeId) ?? []) markActive(s, id);
      return;
    case 'controller.changed':
    case 'fault.injected':
    case 'fault.cleared':
      // Rare, and their consequences reach every relationship of the array (copiers stop or resume).
      for (const relationship of s.relationshipsOn(event.arrayId)) markActive(s, relationship.id);
      return;
    case 'volume.added':
    case 'volume.removed':
    case 'workload.changed':
    case 'simulation.changed':
      return;
    default:
      markActive(s, event.copyId);
  }
}

/** The active relationships, in the order they became active (ids of removed ones are dropped). */
export function activeRelationships(s: EngineState): Relationship[] {
  if (s.options.exhaustiveTicks === true) return [...s.relationships.values()];
  const list: Relationship[] = [];
  for (const id of s.active) {
    const relationship = s.relationships.get(id);
    if (relationship === undefined) s.active.delete(id);
    else list.push(relationship);
  }
  return list;
}

/**
 * What a command's settle visits (all relationships with exhaustiveTicks): the active ones among
 * `earlier` (marked before the settle began) and those marked since, each once, in that order.
 */
export function markedRelationships(s: EngineState, earlier: readonly string[]): Relationship[] {
  if (s.options.exhaustiveTicks === true) return [...s.relationships.values()];
  const list: Relationship[] = [];
  const seen = new Set<string>();
  for (const ids of [earlier, s.markedSinceSettle]) {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const relationship = s.active.has(id) ? s.relationships.get(id) : undefined;
      if (relationship !== undefined) list.push(relationship);
    }
  }
  return list;
}

/**
 * The end of a tick: relationships neither kept (work left) nor marked during it (a change the
 * next tick must look at) leave the set.
 */
export function pruneActive(s: EngineState, keep: ReadonlySet<Relationship>): void {
  for (const id of s.active) {
    const relationship = s.relationships.get(id);
    if (relationship === undefined || (!keep.has(relationship) && !s.markedDuringWork.has(id))) s.active.delete(id);
  }
}
