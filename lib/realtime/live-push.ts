// Pushes engine changes to socket.io rooms (docs/api.md#live-updates): engine events are coalesced per
// object and flushed as `copies.updated`, `copies.removed`, `volumes.updated`, `volumes.removed`,
// `arrays.updated`, `workloads.updated` and `workloads.stopped` — changes other than progress at
// most every FLUSH_INTERVAL_MS, batches of progress at most every PROGRESS_FLUSH_INTERVAL_MS. A
// copy whose progress alone moved is pushed at most every PROGRESS_PUSH_INTERVAL_MS (a full Copy
// is ~1 KB: 1,000 copies copying at 10 Hz would be ~10 MB/s per client); its state changes still
// go out within FLUSH_INTERVAL_MS. `fleet` hears everything, `array:<id>` its array's
// objects, `copy:<id>` that copy. Payloads are the REST shapes, so clients can drop them
// straight into their query cache.
// A console that says which copies it shows (`watch`, progress-watch.ts) gets progress-only
// changes for those alone, compactly as `copies.progress` (progress-wire.ts): a Copies page with a
// thousand copies moving needs the forty rows in view, not 2 MB/s of every copy. State and other
// changes still go to every socket whole.
import type { Server } from 'socket.io';
import type { Engine, EngineEvent } from '../../engine';
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { bigintReplacer } from '../http/json';
import { copyDto, type CopyDto } from '../services/copies';
import { volumeView, type ArrayView, type VolumeView } from '../services/dto';
import { arrayViews, liveVolumeView } from '../services/fleet';
import { workloadDto, type WorkloadDto } from '../services/host-io';
import { Coalescer, realScheduler, type Batch, type ChangeNote, type Scheduler } from './coalescer';
import { ProgressWatch, WatchMessage, type WatchSpec } from './progress-watch';
import { COPIES_PROGRESS, encodeProgress, encodeProgressAt, WATCH_EVENT, type ProgressTuple } from './progress-wire';
import { mayJoin, type SocketData } from './socket-server';

/**
 * The beat of state and other changes. Short, because someone is usually waiting for one (the row
 * of the pair they just split); with a thousand copies moving, other changes arrive all the time,
 * and a 100-ms beat alone made a click's result wait 50 ms on average (#16). Pushes are applied on
 * the browser's next animation frame, so a beat shorter than a frame or two would buy nothing.
 */
export const FLUSH_INTERVAL_MS = 25;
/** The beat of progress batches: each may hold PROGRESS_PUSH_BATCH_MAX whole copies. */
export const PROGRESS_FLUSH_INTERVAL_MS = 100;
// Half a second keeps every figure on screen current to within a fraction of a second
// (docs/decisions.md D13).
export const PROGRESS_PUSH_INTERVAL_MS = 500;
/** Copies per progress push: 1,000 copies moving go out in five pushes of ~200 KB, not one of 1 MB. */
export const PROGRESS_PUSH_BATCH_MAX = 200;

/** The room of sockets that said what they watch: progress batches for `fleet` skip them. */
export const WATCHING_ROOM = 'progress:watching';

/** The part of a socket.io Socket the watch needs (tests pass a stand-in). */
export interface WatchingSocket {
  id: string;
  data: unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  join(room: string): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Answers a socket's `watch` messages: refused for a role that may not hear the fleet or a
 * malformed spec, else `accept(spec)` and an ack saying how many copies it watches. Used here
 * alone, and by lib/cluster/watch-relay.ts on every node of a cluster.
 */
export function onWatch(socket: Pick<WatchingSocket, 'data' | 'on'>, accept: (spec: WatchSpec) => void): void {
  socket.on(WATCH_EVENT, (message: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
    const principal = (socket.data as Partial<SocketData>).principal;
    if (principal === undefined || !mayJoin(principal, 'fleet')) {
      reply({ error: { code: 'forbidden', message: 'your role may not watch copies' } });
      return;
    }
    const parsed = WatchMessage.safeParse(message);
    if (!parsed.success) {
      reply({ error: { code: 'bad_request', message: 'watch expects {copyIds: string[] (at most 500), all?: boolean}' } });
      return;
    }
    accept(parsed.data);
    reply({ watching: parsed.data.all ? 'all' : parsed.data.copyIds.length });
  });
}

/** Where a watching socket's pushes go: the socket itself, or (cluster) its room on whichever node holds it. */
type WatchTarget = Pick<WatchingSocket, 'id' | 'emit'>;

export const LIVE_EVENTS = {
  copiesUpdated: 'copies.updated',
  /** Payload: the ids (string[]) of copies that no longer exist. */
  copiesRemoved: 'copies.removed',
  /** Also sent for a volume just created: clients add it to the lists it belongs in. */
  volumesUpdated: 'volumes.updated',
  /** Payload: the ids (string[]) of volumes that no longer exist. */
  volumesRemoved: 'volumes.removed',
  arraysUpdated: 'arrays.updated',
  /** Payload: the RunningWorkload shape of GET /api/volumes/:id/workload, for workloads whose counters moved. */
  workloadsUpdated: 'workloads.updated',
  /** Payload: the ids (string[]) of volumes whose workload stopped. */
  workloadsStopped: 'workloads.stopped',
  /** Payload: the Simulation shape of GET /api/simulation; sent when speed or time jumps. */
  simulationUpdated: 'simulation.updated',
} as const;

/** Engine event → the objects whose pushed shape it may have changed. */
export function notesFor(event: EngineEvent): ChangeNote[] {
  switch (event.kind) {
    case 'copy.created':
    case 'copy.state-changed':
    case 'copy.options-changed':
    case 'copy.renamed':
    case 'copy.group-changed':
    case 'copy.freeze-changed':
      return [{ kind: 'copy', id: event.copyId, arrayId: event.arrayId }];
    case 'copy.progress':
      return [{ kind: 'copy', id: event.copyId, arrayId: event.arrayId, progressOnly: true }];
    case 'copy.removed':
      return [{ kind: 'copy', id: event.copyId, arrayId: event.arrayId, removed: true }];
    case 'volume.owner-changed':
      // Each controller's volume count is part of the array's shape.
      return [
        { kind: 'volume', id: event.volumeId, arrayId: event.arrayId },
        { kind: 'array', id: event.arrayId, arrayId: event.arrayId },
      ];
    case 'volume.changed':
      return [{ kind: 'volume', id: event.volumeId, arrayId: event.arrayId }];
    case 'volume.added':
    case 'volume.removed':
      // The array's capacity, pool usage and volume counts change with it.
      return [
        { kind: 'volume', id: event.volumeId, arrayId: event.arrayId, removed: event.kind === 'volume.removed' },
        { kind: 'array', id: event.arrayId, arrayId: event.arrayId },
      ];
    case 'workload.changed':
      return [{ kind: 'workload', id: event.volumeId, arrayId: event.arrayId }];
    case 'simulation.changed':
      return [];
    case 'controller.changed':
    case 'fault.injected':
    case 'fault.cleared':
      // Controller status is part of the array's shape; a fault's list is refetched by clients on it.
      return [{ kind: 'array', id: event.arrayId, arrayId: event.arrayId }];
  }
}

/** A snapshot is not a copy: its changes (state, repository use) show on its snapshot volume. */
function snapshotAsVolume(engine: Engine, note: ChangeNote): ChangeNote {
  if (note.kind !== 'copy') return note;
  const relationship = engine.relationship(note.id);
  if (relationship?.type !== 'snapshot') return note;
  return { kind: 'volume', id: relationship.targetVolumeId, arrayId: note.arrayId };
}

/** bigint byte counts become numbers or decimal strings, as in every REST answer. */
function toWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, bigintReplacer)) as unknown;
}

export interface LivePushOptions {
  io: Server;
  engine: Engine;
  db: Db;
  log: Logger;
  scheduler?: Scheduler;
  /**
   * Several nodes (lib/cluster): sockets live on every node and their `watch` messages arrive
   * through lib/cluster/watch-relay.ts (`watchFor`), not through this node's connections.
   */
  clustered?: boolean;
}

export class LivePush {
  private readonly coalescer: Coalescer;
  private unsubscribe: (() => void) | null = null;
  private readonly watch = new ProgressWatch();
  private readonly watchingSockets = new Map<string, WatchTarget>();

  constructor(private readonly options: LivePushOptions) {
    this.coalescer = new Coalescer({
      intervalMs: FLUSH_INTERVAL_MS,
      progressBeatMs: PROGRESS_FLUSH_INTERVAL_MS,
      progressIntervalMs: PROGRESS_PUSH_INTERVAL_MS,
      progressBatchMax: PROGRESS_PUSH_BATCH_MAX,
      scheduler: options.scheduler ?? realScheduler,
      flush: (batch) => {
        this.send(batch).catch((error: unknown) => options.log.error({ err: error }, 'pushing live updates failed'));
      },
    });
  }

  start(): void {
    const { engine, io } = this.options;
    this.unsubscribe = engine.on((event) => {
      // Speed changes and steps are rare and each one matters to every clock on screen.
      if (event.kind === 'simulation.changed')
        io.to('fleet').emit(LIVE_EVENTS.simulationUpdated, { speed: engine.clock.speed, simulatedTime: engine.clock.nowIso() });
      for (const note of notesFor(event)) this.coalescer.note(snapshotAsVolume(engine, note));
    });
    // A stand-in io in unit tests has no connections to listen to.
    if (typeof io.on === 'function' && this.options.clustered !== true) io.on('connection', (socket) => this.attach(socket));
  }

  /**
   * `watch` {copyIds, all}: from now on this socket hears progress-only changes of those copies
   * alone, compactly; the copies it did not watch before are sent at once (rows scrolled into view
   * catch up). The ack says how many copies it watches.
   */
  attach(socket: WatchingSocket): void {
    onWatch(socket, (spec) => {
      const fresh = this.watch.set(socket.id, spec);
      if (!this.watchingSockets.has(socket.id)) void socket.join(WATCHING_ROOM);
      this.watchingSockets.set(socket.id, socket);
      this.catchUp(socket, fresh);
    });
    socket.on('disconnect', () => {
      this.watch.forget(socket.id);
      this.watchingSockets.delete(socket.id);
    });
  }

  /**
   * A watch relayed from any node (lib/cluster/watch-relay.ts), already checked there against the
   * socket's principal. Pushes go to the socket's own room, which the adapter routes to its node.
   */
  watchFor(socketId: string, message: WatchSpec): void {
    const target: WatchTarget = { id: socketId, emit: (event, ...args) => this.options.io.to(socketId).emit(event, ...args) };
    const fresh = this.watch.set(socketId, message);
    this.watchingSockets.set(socketId, target);
    this.catchUp(target, fresh);
  }

  forget(socketId: string): void {
    this.watch.forget(socketId);
    this.watchingSockets.delete(socketId);
  }

  /** Every socket with a watch here (the cluster sweeps those whose node died with them). */
  watchingSocketIds(): string[] {
    return [...this.watchingSockets.keys()];
  }

  private catchUp(socket: WatchTarget, fresh: string[] | 'all'): void {
    const { engine } = this.options;
    const relationships = fresh === 'all' ? [...engine.copies()] : fresh.flatMap((id) => engine.copy(id) ?? []);
    const tuples = new Map<string, ProgressTuple>();
    for (const relationship of relationships)
      if (relationship.type !== 'snapshot') tuples.set(relationship.id, encodeProgressAt(engine.progressFields(relationship)));
    const chosen = this.watch.select(socket.id, tuples);
    if (chosen.length > 0) socket.emit(COPIES_PROGRESS, chosen);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.coalescer.stop();
  }

  /** Whether a socket that never said what it watches is connected (a stand-in io: assume so). */
  private someoneHearsAll(): boolean {
    // Other nodes' sockets are not counted here: assume one of them watches nothing in particular.
    if (this.options.clustered === true) return true;
    const connected = (this.options.io as Partial<Server>).sockets?.sockets;
    return connected === undefined || connected.size > this.watchingSockets.size;
  }

  /**
   * A batch of progress alone: in the REST shape to sockets that watch nothing in particular, as
   * tuples to each watching socket for the copies it watches. A copy nobody hears about is not
   * even read from the engine.
   */
  private sendProgress(notes: ChangeNote[]): void {
    const { engine } = this.options;
    const hearsAll = this.someoneHearsAll();
    const copies: CopyDto[] = [];
    const removed: ChangeNote[] = [];
    const tuples = new Map<string, ProgressTuple>();
    for (const note of notes) {
      const relationship = note.removed === true ? undefined : engine.copy(note.id);
      if (relationship === undefined) {
        removed.push(note);
        this.watch.removed(note.id);
        continue;
      }
      const watched = this.watch.anyoneWants(note.id);
      if (!hearsAll && !watched) continue;
      if (!hearsAll) {
        // A tuple needs the moving figures alone, not the whole view.
        tuples.set(relationship.id, encodeProgressAt(engine.progressFields(relationship)));
        continue;
      }
      const view = engine.view(relationship);
      copies.push({ ...view, actions: engine.actions(relationship) });
      if (watched) tuples.set(view.id, encodeProgress(view));
    }
    if (hearsAll) this.emitCopies(copies, [WATCHING_ROOM]);
    this.emitByArray(LIVE_EVENTS.copiesRemoved, removed, (note) => note.id);
    if (tuples.size === 0) return;
    for (const [socketId, socket] of this.watchingSockets) {
      const chosen = this.watch.select(socketId, tuples);
      if (chosen.length > 0) socket.emit(COPIES_PROGRESS, chosen);
    }
  }

  private async send(batch: Batch): Promise<void> {
    if (batch.progress && batch.changes.every((change) => change.kind === 'copy')) {
      this.sendProgress(batch.changes);
      return;
    }
    const { engine } = this.options;
    const copies: CopyDto[] = [];
    const removed: ChangeNote[] = [];
    const volumeNotes: ChangeNote[] = [];
    const removedVolumes: ChangeNote[] = [];
    const arrayNotes: ChangeNote[] = [];
    const workloads: (WorkloadDto & { arrayId: string })[] = [];
    const stoppedWorkloads: ChangeNote[] = [];
    for (const change of batch.changes) {
      if (change.kind === 'copy') {
        const relationship = change.removed === true ? undefined : engine.copy(change.id);
        // Gone by the time of the flush (removed or discarded): clients must drop it either way.
        if (relationship === undefined) {
          removed.push(change);
          this.watch.removed(change.id);
        } else copies.push(copyDto(engine, relationship));
      } else if (change.kind === 'volume') (change.removed === true ? removedVolumes : volumeNotes).push(change);
      else if (change.kind === 'workload') {
        const workload = workloadDto(engine, change.id);
        if (workload === null) stoppedWorkloads.push(change);
        else workloads.push({ ...workload, arrayId: change.arrayId });
      } else arrayNotes.push(change);
    }
    this.emitCopies(copies);
    this.emitByArray(LIVE_EVENTS.copiesRemoved, removed, (note) => note.id);
    // arrayId only routes the message; the RunningWorkload shape has volumeId.
    this.emitByArray(LIVE_EVENTS.workloadsUpdated, workloads, ({ arrayId: _routing, ...workload }) => workload);
    this.emitByArray(LIVE_EVENTS.workloadsStopped, stoppedWorkloads, (note) => note.id);
    const [volumes, arrays] = await Promise.all([this.volumes(volumeNotes), this.arrays(arrayNotes)]);
    this.emitByArray(LIVE_EVENTS.volumesRemoved, [...removedVolumes, ...volumes.gone], (note) => note.id);
    this.emitByArray(LIVE_EVENTS.volumesUpdated, volumes.found, toWire);
    // arrayId only routes the message; the Array shape has `id`.
    this.emitByArray(LIVE_EVENTS.arraysUpdated, arrays, ({ arrayId: _routing, ...array }) => toWire(array));
  }

  /** `except`: rooms that hear these copies another way (WATCHING_ROOM for progress). */
  private emitCopies(copies: CopyDto[], except: string[] = []): void {
    const { io } = this.options;
    this.emitByArray(LIVE_EVENTS.copiesUpdated, copies, (copy) => copy, except);
    // A copy:<id> subscriber that is not already in fleet or the array's room hears its own copy.
    // socket.io encodes a message before it looks who is in the room: with 1,000 copies moving,
    // rooms nobody joined cost an encoded copy each, a fifth of the push's time.
    // In a cluster the rooms of other nodes' sockets are not in this node's adapter: send anyway.
    const rooms = this.options.clustered === true ? undefined : (io as Partial<Server>).sockets?.adapter.rooms;
    for (const copy of copies)
      if (rooms === undefined || rooms.has(`copy:${copy.id}`))
        io.to(`copy:${copy.id}`)
          .except(['fleet', `array:${copy.arrayId}`, ...except])
          .emit(LIVE_EVENTS.copiesUpdated, [copy]);
  }

  /** One message per array to `fleet` + `array:<id>` together, so no socket hears a thing twice. */
  private emitByArray<T extends { arrayId: string }>(event: string, items: T[], wire: (item: T) => unknown, except: string[] = []): void {
    if (items.length === 0) return;
    const byArray = new Map<string, unknown[]>();
    for (const item of items) {
      const list = byArray.get(item.arrayId) ?? [];
      list.push(wire(item));
      byArray.set(item.arrayId, list);
    }
    for (const [arrayId, list] of byArray) {
      const rooms = this.options.io.to(['fleet', `array:${arrayId}`]);
      (except.length > 0 ? rooms.except(except) : rooms).emit(event, list);
    }
  }

  /**
   * The volume rows, with what the engine owns (owner, roles, access, status) taken live; `gone`
   * holds the noted volumes neither the inventory nor the engine knows any more (deleted before
   * this flush could read them), which clients must drop like a removal.
   */
  private async volumes(notes: ChangeNote[]): Promise<{ found: VolumeView[]; gone: ChangeNote[] }> {
    if (notes.length === 0) return { found: [], gone: [] };
    const rows = await this.options.db.volume.findMany({ where: { id: { in: notes.map((n) => n.id) } } });
    const found = rows.map((row) => liveVolumeView(this.options.engine, volumeView(row)));
    const read = new Set(rows.map((row) => row.id));
    const gone = notes.filter((note) => !read.has(note.id) && this.options.engine.fleet.volume(note.id) === undefined);
    return { found, gone };
  }

  /**
   * The array rows, with controller status and per-controller volume counts from the engine:
   * the persister writes ownership moves a moment later, so the rows alone would be stale.
   */
  private async arrays(notes: ChangeNote[]): Promise<(ArrayView & { arrayId: string })[]> {
    if (notes.length === 0) return [];
    const views = await arrayViews(this.options.db, this.options.engine, { id: { in: notes.map((n) => n.id) } });
    return views.map((view) => ({ ...view, arrayId: view.id }));
  }
}
