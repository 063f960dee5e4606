// Pure merges of pushed objects into cached lists. Rows that did not change keep their identity,
// so memoized table rows do not re-render for another copy's progress.

interface Identified {
  id: string;
}

/**
 * Replaces listed items by id; appends unknown ones when `append` says they belong. The same list
 * comes back when no update concerned it, so its readers do not render again.
 */
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
  return seen.size === 0 && merged.length === list.length ? (list as T[]) : merged;
}

export function removeById<T extends Identified>(list: readonly T[], ids: ReadonlySet<string>): T[] {
  if (ids.size === 0 || !list.some((item) => ids.has(item.id))) return list as T[];
  return list.filter((item) => !ids.has(item.id));
}

/** What a volume list was asked for (GET /api/volumes filters the pages use). */
export interface VolumeListScope {
  arrayId?: string;
  role?: string;
  owner?: 'A' | 'B';
  q?: string;
}

interface ListedVolume extends Identified {
  arrayId: string;
  name: string;
  currentOwner: string;
  roles: readonly string[];
}

/**
 * The server's volume filter (lib/services/fleet.ts listVolumes), applied to a pushed volume, so
 * a volume created elsewhere joins exactly the lists that would list it. Names are ASCII and the
 * inventory's `contains` ignores ASCII case.
 */
export function volumeMatches(scope: VolumeListScope, volume: ListedVolume): boolean {
  if (scope.arrayId !== undefined && volume.arrayId !== scope.arrayId) return false;
  if (scope.owner !== undefined && volume.currentOwner !== scope.owner) return false;
  if (scope.q !== undefined && scope.q !== '' && !volume.name.toLowerCase().includes(scope.q.toLowerCase())) return false;
  if (scope.role === 'none') return volume.roles.length === 0;
  if (scope.role !== undefined) return volume.roles.includes(scope.role);
  return true;
}

/** GET /api/volumes order: by array id, then name, in code-point order as the inventory sorts. */
export function byArrayThenName(a: { arrayId: string; name: string }, b: { arrayId: string; name: string }): number {
  const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
  return compare(a.arrayId, b.arrayId) || compare(a.name, b.name);
}

/** A cached volume list after pushes: updates in place, new matching volumes in order, removals gone. */
export function mergeVolumeList<T extends ListedVolume>(
  list: readonly T[],
  scope: VolumeListScope,
  updates: ReadonlyMap<string, T>,
  removed: ReadonlySet<string>,
): T[] {
  const updated = mergeById(list, updates, (volume) => volumeMatches(scope, volume));
  // Only an appended volume can be out of place: names and arrays never change.
  const ordered = updated.length > list.length ? updated.sort(byArrayThenName) : updated;
  return removeById(ordered, removed);
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
