// Which copies' progress each console wants: the rows in its Copies table's viewport, the copy its
// detail page shows, or every copy (the dashboard's active list). A console says so with `watch`
// {copyIds, all}; one that never does hears every copy's progress in the REST shape, as before
// (automation subscribed to `fleet`). Per socket it also remembers the last tuple sent for each
// watched copy, so a copy whose figures did not move is not sent again. Pure bookkeeping.
import { z } from 'zod';
import { WATCH_IDS_MAX, type ProgressTuple } from './progress-wire';

export const WatchMessage = z.strictObject({
  all: z.boolean().default(false),
  copyIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .max(WATCH_IDS_MAX)
    .default([]),
});
export type WatchSpec = z.output<typeof WatchMessage>;

interface Watcher {
  all: boolean;
  ids: Set<string>;
  /** The tuple last sent per copy, for watched copies only. */
  lastSent: Map<string, ProgressTuple>;
}

export class ProgressWatch {
  private readonly watchers = new Map<string, Watcher>();
  /** How many watchers name each copy, and how many want them all: "does anyone want it" in O(1). */
  private readonly namedBy = new Map<string, number>();
  private allCount = 0;

  get size(): number {
    return this.watchers.size;
  }

  socketIds(): IterableIterator<string> {
    return this.watchers.keys();
  }

  /**
   * Replaces what the socket watches. Answers what it did not watch before and now does (`all`
   * when it just asked for everything), which the caller sends at once so those rows catch up.
   */
  set(socketId: string, spec: WatchSpec): string[] | 'all' {
    const before = this.watchers.get(socketId);
    const ids = new Set(spec.copyIds);
    const lastSent = new Map<string, ProgressTuple>();
    if (before !== undefined) {
      this.release(before);
      // Figures already sent for copies still watched need not go again.
      for (const [id, sent] of before.lastSent) if (spec.all || ids.has(id)) lastSent.set(id, sent);
    }
    const watcher: Watcher = { all: spec.all, ids, lastSent };
    this.watchers.set(socketId, watcher);
    this.hold(watcher);
    if (spec.all) return before?.all === true ? [] : 'all';
    return [...ids].filter((id) => before === undefined || !(before.all || before.ids.has(id)));
  }

  forget(socketId: string): void {
    const watcher = this.watchers.get(socketId);
    if (watcher === undefined) return;
    this.release(watcher);
    this.watchers.delete(socketId);
  }

  /** Whether any socket watches this copy (its progress need not even be computed otherwise). */
  anyoneWants(copyId: string): boolean {
    return this.allCount > 0 || (this.namedBy.get(copyId) ?? 0) > 0;
  }

  /**
   * Of `tuples` (by copy id), those this socket watches and whose figures moved since it last got
   * them; remembers them as sent.
   */
  select(socketId: string, tuples: ReadonlyMap<string, ProgressTuple>): ProgressTuple[] {
    const watcher = this.watchers.get(socketId);
    if (watcher === undefined) return [];
    const chosen: ProgressTuple[] = [];
    const consider = (id: string, tuple: ProgressTuple) => {
      const sent = watcher.lastSent.get(id);
      if (sent !== undefined && sameFigures(sent, tuple)) return;
      watcher.lastSent.set(id, tuple);
      chosen.push(tuple);
    };
    if (watcher.all) for (const [id, tuple] of tuples) consider(id, tuple);
    else
      for (const id of watcher.ids) {
        const tuple = tuples.get(id);
        if (tuple !== undefined) consider(id, tuple);
      }
    return chosen;
  }

  /** A copy removed: no socket's memory of it is needed any more. */
  removed(copyId: string): void {
    for (const watcher of this.watchers.values()) watcher.lastSent.delete(copyId);
  }

  private hold(watcher: Watcher): void {
    if (watcher.all) this.allCount += 1;
    for (const id of watcher.ids) this.namedBy.set(id, (this.namedBy.get(id) ?? 0) + 1);
  }

  private release(watcher: Watcher): void {
    if (watcher.all) this.allCount -= 1;
    for (const id of watcher.ids) {
      const count = (this.namedBy.get(id) ?? 0) - 1;
      if (count > 0) this.namedBy.set(id, count);
      else this.namedBy.delete(id);
    }
  }
}

/**
 * Whether two tuples would go out as the same JSON: figure by figure (numbers, null), the chain
 * object as JSON. Not the whole tuple as JSON: every watched copy is compared on every push.
 */
function sameFigures(a: ProgressTuple, b: ProgressTuple): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    // NaN and ±Infinity are null in JSON; objects (the chain) compare as their JSON.
    if (typeof x === 'number' && typeof y === 'number') {
      if (!Number.isFinite(x) && !Number.isFinite(y)) continue;
      return false;
    }
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
