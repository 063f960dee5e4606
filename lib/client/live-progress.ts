// Live progress without re-rendering lists. A console hears progress only for the copies it shows
// (lib/realtime/progress-watch.ts): components say which with useWatchCopies, the socket passes the
// union on. Pushed figures (and pushed whole copies) land in a ProgressStore, outside the query
// cache, and the cells showing a copy's progress or state read it through useLiveCopy: a push
// about forty rows renders forty rows' cells, not a 1,000-row table. The cached lists take the
// figures in less often (live-updates.tsx), for sorting and for whatever reads them whole.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { WATCH_IDS_MAX, type CopyProgressFields } from '@/lib/realtime/progress-wire';
import type { Copy } from './types';

/**
 * What the store holds of a copy: the newest pushed figures and, once a whole copy was pushed
 * (copies.updated: a state change, an option, a rename), that copy. The cells of the row read
 * both at once, so a state change reaches the DOM with the push rather than with the next render
 * of the 1,000-row list (bench:ui's state change → DOM latency).
 */
export interface ProgressPatch extends CopyProgressFields {
  copy?: Copy;
}

/** What a progress patch updates in a copy; every Copy has these. */
export type LiveCopyFields = Pick<Copy, 'id' | 'progress' | 'updatedAt'> & Partial<Pick<Copy, 'differentialBytes' | 'chain'>>;

/**
 * The copy with what was pushed about it when that is newer than the copy itself (updatedAt moves
 * with every change of a copy, progress included): first the whole pushed copy (its fields over
 * the copy's; a row's own fields, its names, stay), then the figures; the copy itself, same
 * object, when nothing pushed is newer.
 */
export function withProgress<T extends LiveCopyFields>(copy: T, patch: ProgressPatch | undefined): T {
  if (patch === undefined || patch.id !== copy.id) return copy;
  // A row is a Copy with names added (copy-row.ts): the pushed Copy's fields replace the same fields.
  const whole = patch.copy !== undefined && patch.copy.updatedAt > copy.updatedAt ? ({ ...copy, ...patch.copy } as T) : copy;
  if (patch.updatedAt <= whole.updatedAt) return whole;
  return {
    ...whole,
    progress: patch.progress,
    differentialBytes: patch.differentialBytes,
    updatedAt: patch.updatedAt,
    ...(patch.chain === undefined ? {} : { chain: patch.chain as Copy['chain'] }),
  };
}

/** A whole pushed copy as a patch: its figures, and itself for everything else. */
export function liveFiguresOf(copy: Copy): ProgressPatch {
  return {
    id: copy.id,
    progress: copy.progress,
    differentialBytes: copy.differentialBytes,
    updatedAt: copy.updatedAt,
    ...(copy.chain === undefined ? {} : { chain: copy.chain }),
    copy,
  };
}

/**
 * What the store holds after `patch` arrives where `held` was, or undefined when the patch adds
 * nothing: figures are kept from whichever is newer, the whole copy likewise, so figures pushed
 * after a state change do not take the new state away from the cells before the list has it.
 */
export function mergePatch(held: ProgressPatch | undefined, patch: ProgressPatch): ProgressPatch | undefined {
  if (held === undefined) return patch;
  const figures = patch.updatedAt > held.updatedAt;
  const copy = patch.copy !== undefined && (held.copy === undefined || patch.copy.updatedAt > held.copy.updatedAt);
  if (!figures && !copy) return undefined;
  const base = figures ? patch : held;
  const newestCopy = copy ? patch.copy : held.copy;
  return base.copy === newestCopy ? base : { ...base, copy: newestCopy };
}

/** What progress patches move: the cells showing them read the newest figures themselves (useLiveCopy). */
const LIVE_FIELDS: ReadonlySet<string> = new Set(['progress', 'differentialBytes', 'updatedAt', 'chain'] satisfies (keyof Copy)[]);

/**
 * Whether two versions of a copy (or of a row made from one) differ in nothing but the live
 * figures, field by field. A table row whose cells read the figures from the store (useLiveCopy)
 * renders the same for both: once a second the cached list takes in figures those cells already
 * show (live-updates.tsx), which must not render every moving row in view again.
 */
export function sameButLiveFigures<T extends object>(before: T, after: T): boolean {
  if (before === after) return true;
  const fixed = (value: T) => (Object.keys(value) as (keyof T & string)[]).filter((key) => !LIVE_FIELDS.has(key));
  const keys = fixed(after);
  return fixed(before).length === keys.length && keys.every((key) => Object.is(before[key], after[key]));
}

type Listener = () => void;

/** The newest pushed figures per copy, with listeners per copy and for any change. */
export class ProgressStore {
  private readonly patches = new Map<string, ProgressPatch>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly anyListeners = new Set<Listener>();
  /** Copies whose figures changed since the cached lists last took them (takeChanged). */
  private changed = new Map<string, ProgressPatch>();
  private version = 0;

  get(id: string): ProgressPatch | undefined {
    return this.patches.get(id);
  }

  getVersion(): number {
    return this.version;
  }

  /** Keeps what each patch has newer than what is held (mergePatch), then tells the listeners of the copies that changed. */
  apply(patches: readonly ProgressPatch[]): void {
    const notify: Listener[] = [];
    let moved = 0;
    for (const patch of patches) {
      const next = mergePatch(this.patches.get(patch.id), patch);
      if (next === undefined) continue;
      moved += 1;
      this.patches.set(patch.id, next);
      this.changed.set(patch.id, next);
      for (const listener of this.listeners.get(patch.id) ?? []) notify.push(listener);
    }
    if (moved === 0) return;
    this.version += 1;
    for (const listener of notify) listener();
    for (const listener of this.anyListeners) listener();
  }

  /** The patches that arrived since the last call, for folding into cached lists. */
  takeChanged(): ReadonlyMap<string, ProgressPatch> {
    const changed = this.changed;
    this.changed = new Map();
    return changed;
  }

  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      this.patches.delete(id);
      this.changed.delete(id);
    }
  }

  subscribe(id: string, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  subscribeAll(listener: Listener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}

export interface WatchSpec {
  all: boolean;
  copyIds: string[];
}

/** What each mounted component watches; the socket is told their union. */
export class WatchRegistry {
  private readonly entries = new Map<number, readonly string[] | 'all'>();
  private readonly listeners = new Set<Listener>();
  private nextToken = 1;

  add(watched: readonly string[] | 'all'): number {
    const token = this.nextToken++;
    this.entries.set(token, watched);
    this.changed();
    return token;
  }

  /** What a registered component watches now (a table scrolled). */
  update(token: number, watched: readonly string[] | 'all'): void {
    if (!this.entries.has(token)) return;
    this.entries.set(token, watched);
    this.changed();
  }

  remove(token: number): void {
    if (this.entries.delete(token)) this.changed();
  }

  /** The union: everything when anyone wants everything, else the named copies (at most WATCH_IDS_MAX). */
  spec(): WatchSpec {
    const ids = new Set<string>();
    for (const watched of this.entries.values()) {
      if (watched === 'all') return { all: true, copyIds: [] };
      for (const id of watched) ids.add(id);
    }
    return { all: false, copyIds: [...ids].slice(0, WATCH_IDS_MAX) };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface LiveProgress {
  store: ProgressStore;
  watch: WatchRegistry;
}

export const LiveProgressContext = createContext<LiveProgress | null>(null);

const noSubscription = () => () => undefined;
const nothing = () => undefined;

/** The copy with its newest pushed progress; renders again only when this copy's figures move. */
export function useLiveCopy<T extends LiveCopyFields>(copy: T): T {
  const store = useContext(LiveProgressContext)?.store;
  const subscribe = useMemo(() => (store === undefined ? noSubscription : (listener: Listener) => store.subscribe(copy.id, listener)), [store, copy.id]);
  const patch = useSyncExternalStore(subscribe, store === undefined ? nothing : () => store.get(copy.id), nothing);
  return useMemo(() => withProgress(copy, patch), [copy, patch]);
}

/** A list with every copy's newest pushed progress; renders again on any copy's push (small lists, or `all` watchers). */
export function useLiveCopies<T extends LiveCopyFields>(copies: readonly T[] | undefined): T[] | undefined {
  const store = useContext(LiveProgressContext)?.store;
  const subscribe = useMemo(() => (store === undefined ? noSubscription : (listener: Listener) => store.subscribeAll(listener)), [store]);
  const version = useSyncExternalStore(
    subscribe,
    () => store?.getVersion() ?? 0,
    () => 0,
  );
  return useMemo(
    () => copies?.map((copy) => withProgress(copy, store?.get(copy.id))),
    // `version` is what says the store moved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [copies, store, version],
  );
}

/** While mounted, the socket hears progress for these copies (or every copy, with 'all'). */
export function useWatchCopies(watched: readonly string[] | 'all'): void {
  const registry = useContext(LiveProgressContext)?.watch;
  // By value: a new array with the same ids must not re-register.
  const key = watched === 'all' ? 'all' : watched.join(' ');
  useEffect(() => {
    if (registry === undefined) return;
    const token = registry.add(key === 'all' ? 'all' : key === '' ? [] : key.split(' '));
    return () => registry.remove(token);
  }, [registry, key]);
}

/**
 * For what changes as often as a scrolled table's rows: a stable callback that sets what this
 * component watches, without rendering anything again.
 */
export function useWatchSetter(): (ids: readonly string[]) => void {
  const registry = useContext(LiveProgressContext)?.watch;
  const token = useRef<number | null>(null);
  const latest = useRef<readonly string[]>([]);
  useEffect(() => {
    if (registry === undefined) return;
    const added = registry.add(latest.current);
    token.current = added;
    return () => {
      registry.remove(added);
      token.current = null;
    };
  }, [registry]);
  return useCallback(
    (ids: readonly string[]) => {
      latest.current = ids;
      if (registry !== undefined && token.current !== null) registry.update(token.current, ids);
    },
    [registry],
  );
}
