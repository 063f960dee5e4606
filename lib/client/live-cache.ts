// Pure merges of pushed objects into cached lists. Rows that did not change keep their identity,
// so memoized table rows do not re-render for another copy's progress.

interface Identified {
  id: string;
}

/** Replaces listed items by id; appends unknown ones when `append` says they belong. */
export function mergeById<T extends Identified>(list: readonly T[], updates: ReadonlyMap<string, T>, append: (item: T) => boolean = () => false): T[] {
  if (updates.size === 0) return list as T[];
  const seen = new Set<string>();
  const merged = list.map((item) => {
    const update = updates.get(item.id);
    if (update === undefined) return item;
    seen.add(item.id);
    return update;
  });
  for (const [id, item] of updates) if (!seen.has(id) && append(item)) merged.push(item);
  return merged;
}

export function removeById<T extends Identified>(list: readonly T[], ids: ReadonlySet<string>): T[] {
  if (ids.size === 0 || !list.some((item) => ids.has(item.id))) return list as T[];
  return list.filter((item) => !ids.has(item.id));
}

/** GET /api/copies order: oldest first, then by id. */
export function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** What an event list was asked for (GET /api/events filters; `since` is never used by pages). */
export interface EventListScope {
  kind?: string;
  arrayId?: string;
  actor?: string;
  category?: 'audit' | 'changes';
  subjectId?: string;
  limit: number;
}

interface LoggedEvent extends Identified {
  time: string;
  kind: string;
  subjectId: string;
  arrayId: string | null;
  actor: string;
}

/** The server's event filter (lib/services/events.ts whereOf), applied to a pushed event. */
export function eventMatches(scope: EventListScope, event: LoggedEvent): boolean {
  if (scope.kind !== undefined && event.kind !== scope.kind) return false;
  if (scope.arrayId !== undefined && event.arrayId !== scope.arrayId) return false;
  if (scope.actor !== undefined && event.actor !== scope.actor) return false;
  if (scope.subjectId !== undefined && event.subjectId !== scope.subjectId) return false;
  if (scope.category === 'audit' && event.kind !== 'audit') return false;
  if (scope.category === 'changes' && event.kind === 'audit') return false;
  return true;
}

/** A newest-first page of the log with pushed events added on top, still at most `limit` long. */
export function prependEvents<T extends LoggedEvent>(list: readonly T[], pushed: readonly T[], scope: EventListScope): T[] {
  const known = new Set(list.map((event) => event.id));
  const fresh = pushed.filter((event) => !known.has(event.id) && eventMatches(scope, event));
  if (fresh.length === 0) return list as T[];
  const newestFirst = [...fresh].sort((a, b) => b.time.localeCompare(a.time) || b.id.localeCompare(a.id));
  return [...newestFirst, ...list].slice(0, scope.limit);
}
