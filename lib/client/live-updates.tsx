'use client';
// One socket.io connection per tab (docs/api.md#live-updates). Pushed Copies, Volumes, Arrays, Events and
// host workloads go into the TanStack Query cache under the keys the pages read, so every page is
// live without polling; each (re)connect refetches from REST, because whatever happened while
// disconnected was not pushed.
// Progress is pushed only for the copies on screen (live-progress.ts says which, and where the
// figures go): the socket tells the server what the page's components watch, a moment after it
// changes (a table scrolling).
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { COPIES_PROGRESS, decodeProgress, WATCH_EVENT } from '@/lib/realtime/progress-wire';
import { toSignIn } from './hard-navigate';
import { byCreation, mergeById, mergeVolumeList, prependEvents, removeById } from './live-cache';
import { LiveProgressContext, liveFiguresOf, ProgressStore, WatchRegistry, withProgress, type LiveProgress, type ProgressPatch } from './live-progress';
import { queryKeys, type EventListFilter, type VolumeListFilter } from './query-keys';
import { TAKEOVER_EVENT_KIND } from './takeovers';
import type { Copy, FleetEvent, StorageArray, Volume, Workload } from './types';
import type { Simulation } from './use-simulation';
import { appendSample, type Throughput, type ThroughputSample } from './use-throughput';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** After this many failed reconnection attempts the server is called offline (still retrying). */
const ATTEMPTS_BEFORE_OFFLINE = 3;
/**
 * A scrolling table changes what it shows every frame: the server hears of it at most this often
 * (rows come into view with their list figures and catch up one push later).
 */
const WATCH_THROTTLE_MS = 100;
/**
 * How often pushed progress is folded into the cached copy list. The cells on screen show it at
 * once (useLiveCopy); the list, which re-renders every reader of it, follows within this.
 */
const LIST_FOLD_INTERVAL_MS = 1_000;

const LiveStatusContext = createContext<LiveStatus>('connecting');

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/**
 * Pushes arrive per array up to 10 times a second; applying them once per animation frame keeps
 * a 5,000-row list from being rebuilt several times per frame.
 */
class CacheWriter {
  private copies = new Map<string, Copy>();
  private removedCopies = new Set<string>();
  private volumes = new Map<string, Volume>();
  private removedVolumes = new Set<string>();
  private arrays = new Map<string, StorageArray>();
  private events: FleetEvent[] = [];
  private progress: ProgressPatch[] = [];
  private frame: number | null = null;
  private lastFoldMs = Number.NEGATIVE_INFINITY;
  private foldTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: QueryClient,
    private readonly store: ProgressStore,
  ) {}

  progressed(tuples: unknown[]): void {
    for (const tuple of tuples) {
      const patch = decodeProgress(tuple);
      if (patch !== null) this.progress.push(patch);
    }
    this.schedule();
  }

  /**
   * Into the store at once, where the cells of the rows on screen read them (state included): a
   * state change is in the DOM within this task. The list, whose every change renders the whole
   * Copies table, takes them on the next frame as before; waiting for that frame, then for the
   * query cache's notification, then for the 1,000-row render was most of the page's share of the
   * state change → DOM latency (bench:ui).
   */
  copiesUpdated(copies: Copy[]): void {
    this.store.apply(copies.map(liveFiguresOf));
    for (const copy of copies) {
      this.copies.set(copy.id, copy);
      this.removedCopies.delete(copy.id);
    }
    this.schedule();
  }

  copiesRemoved(ids: string[]): void {
    for (const id of ids) {
      this.removedCopies.add(id);
      this.copies.delete(id);
    }
    this.schedule();
  }

  eventsCreated(events: FleetEvent[]): void {
    this.events.push(...events);
    this.schedule();
  }

  volumesUpdated(volumes: Volume[]): void {
    for (const volume of volumes) {
      this.volumes.set(volume.id, volume);
      this.removedVolumes.delete(volume.id);
    }
    this.schedule();
  }

  volumesRemoved(ids: string[]): void {
    for (const id of ids) {
      this.removedVolumes.add(id);
      this.volumes.delete(id);
    }
    this.schedule();
  }

  arraysUpdated(arrays: StorageArray[]): void {
    for (const array of arrays) this.arrays.set(array.id, array);
    this.schedule();
  }

  cancel(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    if (this.foldTimer !== null) clearTimeout(this.foldTimer);
    this.foldTimer = null;
  }

  private schedule(): void {
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.apply());
  }

  /**
   * Cells on screen read the store at once; an open detail page's copy (one object) is updated at
   * once; the fleet's list, whose every change renders the whole Copies table, takes the figures
   * at most every LIST_FOLD_INTERVAL_MS.
   */
  private applyProgress(patches: ProgressPatch[]): void {
    const { client } = this;
    this.store.apply(patches);
    for (const patch of patches)
      if (client.getQueryData(queryKeys.copy(patch.id)) !== undefined)
        client.setQueryData<Copy>(queryKeys.copy(patch.id), (old) => old && withProgress(old, patch));
    if (this.foldTimer === null) this.foldTimer = setTimeout(() => this.fold(), Math.max(0, this.lastFoldMs + LIST_FOLD_INTERVAL_MS - performance.now()));
  }

  private fold(): void {
    this.foldTimer = null;
    this.lastFoldMs = performance.now();
    const changed = this.store.takeChanged();
    if (changed.size === 0) return;
    this.client.setQueryData<Copy[]>(queryKeys.copies, (old) => {
      if (old === undefined) return old;
      const updates = new Map<string, Copy>();
      for (const copy of old) {
        const patch = changed.get(copy.id);
        const live = patch === undefined ? copy : withProgress(copy, patch);
        if (live !== copy) updates.set(copy.id, live);
      }
      return mergeById(old, updates);
    });
  }

  private apply(): void {
    this.frame = null;
    const { client } = this;
    const copies = this.copies;
    const removed = this.removedCopies;
    const volumes = this.volumes;
    const removedVolumes = this.removedVolumes;
    const arrays = this.arrays;
    this.copies = new Map();
    this.removedCopies = new Set();
    this.volumes = new Map();
    this.removedVolumes = new Set();
    this.arrays = new Map();
    const events = this.events;
    this.events = [];
    const progress = this.progress;
    this.progress = [];

    if (progress.length > 0) this.applyProgress(progress);
    if (copies.size > 0 || removed.size > 0) {
      // The store has these copies already (copiesUpdated): a table row whose copy changed in
      // nothing but its figures does not render again (copy-row.ts), its cells show them.
      client.setQueryData<Copy[]>(queryKeys.copies, (old) => {
        if (old === undefined) return old;
        const merged = removeById(
          mergeById(old, copies, () => true),
          removed,
        );
        return merged.length > old.length ? merged.sort(byCreation) : merged;
      });
      for (const copy of copies.values()) if (client.getQueryData(queryKeys.copy(copy.id)) !== undefined) client.setQueryData(queryKeys.copy(copy.id), copy);
      // An open detail page learns of the removal from the API's own 404.
      for (const id of removed) void client.invalidateQueries({ queryKey: queryKeys.copy(id) });
      this.store.forget(removed);
    }
    if (volumes.size > 0 || removedVolumes.size > 0) {
      // New volumes (created on any console) join the lists whose filter takes them.
      for (const [queryKey, list] of client.getQueriesData<Volume[]>({ queryKey: [...queryKeys.volumes, 'list'] })) {
        if (list === undefined) continue;
        const filter = (queryKey[2] ?? {}) as VolumeListFilter;
        const merged = mergeVolumeList(list, filter, volumes, removedVolumes);
        if (merged !== list) client.setQueryData(queryKey, merged);
      }
      for (const volume of volumes.values())
        if (client.getQueryData(queryKeys.volume(volume.id)) !== undefined) client.setQueryData(queryKeys.volume(volume.id), volume);
      // An open volume page learns of the deletion from the API's own 404.
      for (const id of removedVolumes) void client.invalidateQueries({ queryKey: queryKeys.volume(id) });
    }
    if (volumes.size > 0) {
      // Role and owner filters may now include or exclude a volume: only the API can say.
      void client.invalidateQueries({
        queryKey: [...queryKeys.volumes, 'list'],
        predicate: (query) => {
          const filter = query.queryKey[2] as VolumeListFilter | undefined;
          return filter?.role !== undefined || filter?.owner !== undefined;
        },
      });
    }
    if (events.length > 0) {
      for (const [queryKey, list] of client.getQueriesData<FleetEvent[]>({ queryKey: [...queryKeys.events, 'list'] })) {
        const filter = queryKey[2] as EventListFilter | undefined;
        if (list === undefined || filter === undefined) continue;
        client.setQueryData(queryKey, prependEvents(list, events, filter));
      }
      const actors = client.getQueryData<string[]>(queryKeys.eventActors);
      if (actors !== undefined && events.some((event) => !actors.includes(event.actor))) void client.invalidateQueries({ queryKey: queryKeys.eventActors });
      // A new primary: the servers' roles and the lease changed now, not at the next poll.
      if (events.some((event) => event.kind === TAKEOVER_EVENT_KIND)) void client.invalidateQueries({ queryKey: queryKeys.cluster });
    }
    if (arrays.size > 0) {
      client.setQueryData<StorageArray[]>(queryKeys.arrays, (old) => (old === undefined ? old : mergeById(old, arrays)));
      for (const array of arrays.values())
        if (client.getQueryData(queryKeys.array(array.id)) !== undefined) client.setQueryData(queryKeys.array(array.id), array);
      // Faults are not pushed themselves; injecting or clearing one pushes its array.
      void client.invalidateQueries({ queryKey: queryKeys.faults });
    }
  }
}

function resync(client: QueryClient): void {
  for (const queryKey of [
    queryKeys.copies,
    queryKeys.volumes,
    queryKeys.arrays,
    queryKeys.faults,
    queryKeys.events,
    queryKeys.simulation,
    queryKeys.throughput,
    queryKeys.cluster,
  ]) {
    void client.invalidateQueries({ queryKey });
  }
}

export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [live] = useState<LiveProgress>(() => ({ store: new ProgressStore(), watch: new WatchRegistry() }));

  useEffect(() => {
    const socket = io({ reconnectionDelayMax: 5_000 });
    const writer = new CacheWriter(client, live.store);
    let connectedBefore = false;
    // What the server was last told, per connection; each (re)connect tells it again.
    let told: string | null = null;
    let watchTimer: ReturnType<typeof setTimeout> | null = null;
    const tellWatch = () => {
      watchTimer = null;
      const spec = live.watch.spec();
      const text = JSON.stringify(spec);
      if (!socket.connected || text === told) return;
      told = text;
      socket.emit(WATCH_EVENT, spec);
    };
    const stopWatching = live.watch.subscribe(() => {
      if (watchTimer === null) watchTimer = setTimeout(tellWatch, WATCH_THROTTLE_MS);
    });

    socket.on('connect', () => {
      told = null;
      // Before joining fleet: from its first push on, this console hears only what it watches.
      tellWatch();
      socket.emit('subscribe', { rooms: ['fleet'] }, () => {
        setStatus('live');
        // The first page load fetched moments ago; later connects have missed pushes.
        if (connectedBefore) resync(client);
        connectedBefore = true;
      });
    });
    socket.on('disconnect', (reason) => {
      // The server hung up on purpose: socket.io leaves reconnecting to us.
      if (reason === 'io server disconnect') socket.connect();
      setStatus(navigator.onLine ? 'reconnecting' : 'offline');
    });
    socket.on('connect_error', (error) => {
      // The session ended (signed out everywhere, user removed): the page can do nothing live.
      if (error.message.startsWith('unauthorized')) toSignIn();
    });
    socket.io.on('reconnect_attempt', (attempt) => setStatus(attempt > ATTEMPTS_BEFORE_OFFLINE || !navigator.onLine ? 'offline' : 'reconnecting'));
    socket.io.on('reconnect_failed', () => setStatus('offline'));
    const onOffline = () => setStatus('offline');
    // Back online the socket may never have dropped (a short blip); otherwise it is retrying.
    const onOnline = () => setStatus(socket.connected ? 'live' : 'reconnecting');
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    socket.on('copies.updated', (copies: Copy[]) => writer.copiesUpdated(copies));
    socket.on(COPIES_PROGRESS, (tuples: unknown) => {
      if (Array.isArray(tuples)) writer.progressed(tuples);
    });
    socket.on('copies.removed', (ids: string[]) => writer.copiesRemoved(ids));
    socket.on('events.created', (events: FleetEvent[]) => writer.eventsCreated(events));
    socket.on('volumes.updated', (volumes: Volume[]) => writer.volumesUpdated(volumes));
    socket.on('volumes.removed', (ids: string[]) => writer.volumesRemoved(ids));
    // Only a volume page asks for a workload: pushes for volumes no page shows are dropped.
    socket.on('workloads.updated', (workloads: Workload[]) => {
      for (const workload of workloads)
        if (client.getQueryState(queryKeys.workload(workload.volumeId)) !== undefined) client.setQueryData(queryKeys.workload(workload.volumeId), workload);
    });
    socket.on('workloads.stopped', (volumeIds: string[]) => {
      for (const id of volumeIds)
        if (client.getQueryState(queryKeys.workload(id)) !== undefined) client.setQueryData<Workload | null>(queryKeys.workload(id), null);
    });
    socket.on('arrays.updated', (arrays: StorageArray[]) => writer.arraysUpdated(arrays));
    socket.on('throughput.sampled', (sample: ThroughputSample) =>
      client.setQueryData<Throughput>(queryKeys.throughput, (old) => (old === undefined ? old : appendSample(old, sample))),
    );
    socket.on('simulation.updated', (simulation: Simulation) => client.setQueryData(queryKeys.simulation, simulation));

    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      stopWatching();
      if (watchTimer !== null) clearTimeout(watchTimer);
      writer.cancel();
      socket.disconnect();
    };
  }, [client, live]);

  return (
    <LiveStatusContext.Provider value={status}>
      <LiveProgressContext.Provider value={live}>{children}</LiveProgressContext.Provider>
    </LiveStatusContext.Provider>
  );
}
