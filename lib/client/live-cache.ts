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
