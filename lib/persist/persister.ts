// Saves what the engine changes to the inventory: relationships (state, options, bitmaps,
// progress), volume ownership and roles, the event log and the simulation clock. Writes are
// serialised through one queue, so rows are written in the order the engine changed them.
//
// Two kinds of change, two speeds:
// - Changes that must be durable before anyone is told: state, options, creation and removal,
//   ownership, the log, and bitmaps a host write marked (or a host write's relationships: a grain
//   the copier marked copied must be on record before the source grain is overwritten, or a
//   restart would copy the new data). They go in one transaction per flush, within
//   FLUSH_INTERVAL_MS, and a command's `flush()` waits for exactly these.
// - Background copy progress (bytes copied, bitmaps the copier cleared): every
//   PROGRESS_INTERVAL_MS, PROGRESS_ROWS_PER_TRANSACTION rows per transaction with the event loop
//   turning between batches — the SQLite driver is synchronous, and one transaction of 1,000
//   rows would hold the whole process (socket.io heartbeats, pushes, HTTP) for seconds. A
//   command arriving meanwhile goes first: the rest of the progress waits for the next round.
//   Saving it late is safe: after a crash the copier copies those grains again, which is harmless.
// After each save of changes commits, host writes queued before it are applied to the volumes
// (the engine holds their data until the marks they made are on record).
import type { Engine, EngineEvent } from '../../engine';
import type { SaveState } from '../../engine/io/write-queue';
import type { Relationship } from '../../engine/copy/relationship';
import { dialectOfDb, type Db } from '../db/client';
import { Prisma } from '../db/generated/client';
import type { Logger } from '../log';
import { recordEvents, type NewEvent } from '../services/events';
import { copyProgressStatement, copyRowCreate, copyRowUpdateStatement, jsonParameter } from './copy-rows';
import { writeFaultChange, type FaultChange } from './fault-rows';
import { UnsavedSince } from './unsaved-since';

export const FLUSH_INTERVAL_MS = 250;
// Saving 1,000 moving copies every 2 s as compiled Prisma updates cost a third of a core; progress
// rows are raw UPDATEs now (copy-rows.ts) and saved every 5 s. Progress saved late is only copied
// again after a crash.
export const PROGRESS_INTERVAL_MS = 5_000;
/**
 * A batch's rows go in one statement (copyProgressStatement), so a transaction's cost is mostly
 * its commit: 100 rows a batch is 2 commits a second for 1,000 moving copies. Bitmaps serialize
 * compactly (runs), so a batch stays small; a command waits for one batch at most.
 */
export const PROGRESS_ROWS_PER_TRANSACTION = 100;
/**
 * A timed save with nothing else to write saves the clock only this often, not every
 * FLUSH_INTERVAL_MS: an idle transaction is still a commit and an fsync on the event loop, which
 * held acknowledged host writes back (#16). Every save that writes anything writes the clock too,
 * so the saved clock is never behind anything saved; after a crash simulated time resumes from at
 * most this long (times the speed) before it, where nothing happened that needed saving.
 */
export const CLOCK_SAVE_INTERVAL_MS = 5_000;
export const SIMULATION_SETTING_KEY = 'simulation';
/**
 * Log entries (and fault changes) a failing database may leave waiting for the next save. At the
 * bound the persister gives up (`onBacklogFull`: the server stops) rather than grow without end:
 * nothing waiting was acknowledged to anyone — commands answer only after their save — and a
 * restart resumes from the last save.
 */
export const EVENTS_HELD_MAX = 100_000;

type Tx = Prisma.TransactionClient;
export type SaveScope = 'changes' | 'progress' | 'all';
type Scope = SaveScope;

/** One save as the metrics see it: what it was for, how long it took, whether it committed in full. */
export interface SaveRecord {
  scope: SaveScope;
  durationMs: number;
  ok: boolean;
}

export class Persister {
  private readonly db: Db;
  private readonly engine: Engine;
  private readonly log: Logger;
  private readonly stored: Set<string>;
  private readonly changed = new Set<string>();
  private readonly progressed = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly volumes = new Set<string>();
  /** Relationships whose rows a save of changes took and has not committed yet. */
  private readonly savingChanges = new Set<string>();
  /** …and those only a progress batch took (committed later, in batches that may give way). */
  private readonly savingProgress = new Set<string>();
  private events: NewEvent[] = [];
  private faultChanges: FaultChange[] = [];
  private chain: Promise<void> = Promise.resolve();
  private actor = 'system';
  private timer: NodeJS.Timeout | null = null;
  private lastProgressFlushMs = 0;
  /** When the clock was last saved (epoch ms); whether a command has moved it since (saved at once). */
  private clockSavedAtMs = Number.NEGATIVE_INFINITY;
  private clockMoved = false;
  private timedFlushRunning = false;
  /** Flushes queued behind the running one; background progress yields to them. */
  private waiting = 0;
  /** A save of changes queued and not yet started, which later commands can share. */
  private queuedChanges: Promise<void> | null = null;
  /** The oldest change waiting for a save, of each speed (the persister's lag). */
  private readonly unsavedChanges = new UnsavedSince();
  private readonly unsavedProgress = new UnsavedSince();
  private readonly saveListeners = new Set<(save: SaveRecord) => void>();

  private readonly progressRowsPerTransaction: number;

  private readonly eventsHeldMax: number;
  private readonly onBacklogFull: (held: number) => void;
  private readonly fence: (tx: Prisma.TransactionClient) => Promise<void>;

  constructor(
    db: Db,
    engine: Engine,
    log: Logger,
    storedCopyIds: Iterable<string>,
    options: {
      progressRowsPerTransaction?: number;
      eventsHeldMax?: number;
      onBacklogFull?: (held: number) => void;
      /** Runs first in every save's transaction and throws if this node may no longer save (lib/cluster/fence.ts). */
      fence?: (tx: Prisma.TransactionClient) => Promise<void>;
    } = {},
  ) {
    this.fence = options.fence ?? (() => Promise.resolve());
    this.progressRowsPerTransaction = options.progressRowsPerTransaction ?? PROGRESS_ROWS_PER_TRANSACTION;
    this.eventsHeldMax = options.eventsHeldMax ?? EVENTS_HELD_MAX;
    this.onBacklogFull = options.onBacklogFull ?? (() => undefined);
    this.db = db;
    this.engine = engine;
    this.log = log;
    this.stored = new Set(storedCopyIds);
    engine.on((event) => this.onEvent(event));
    engine.trackSaves(this);
  }

  /**
   * Whether the relationship's row matches it now (`saved`); or will once the save of changes in
   * flight commits, nothing having changed since it took the row (`saving`); or not (`unsaved`).
   */
  saveState(relationshipId: string): SaveState {
    if (this.changed.has(relationshipId) || this.progressed.has(relationshipId) || this.savingProgress.has(relationshipId)) return 'unsaved';
    return this.savingChanges.has(relationshipId) ? 'saving' : 'saved';
  }

  /** When the oldest change not yet saved arrived (epoch ms), of each speed; null when none waits. */
  oldestUnsaved(): { changesMs: number | null; progressMs: number | null } {
    return { changesMs: this.unsavedChanges.oldestMs(), progressMs: this.unsavedProgress.oldestMs() };
  }

  /** Calls `listener` after every save, committed or not; returns the unsubscribe. */
  onSaved(listener: (save: SaveRecord) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  start(): void {
    this.timer = setInterval(() => {
      // One timed flush at a time: while a long one runs (the event loop turns between its
      // progress batches), the ticks must not queue more of them behind it.
      if (this.timedFlushRunning) return;
      this.timedFlushRunning = true;
      const progressDue = Date.now() - this.lastProgressFlushMs >= PROGRESS_INTERVAL_MS;
      this.write(progressDue ? 'progress' : 'changes')
        .catch((error: unknown) => this.log.error({ err: error }, 'persisting engine state failed'))
        .finally(() => (this.timedFlushRunning = false));
    }, FLUSH_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.write('all');
  }

  /** Runs `command` (synchronous engine work) with its events attributed to `actor`. */
  as<T>(actor: string, command: () => T): T {
    const previous = this.actor;
    this.actor = actor;
    try {
      return command();
    } finally {
      this.actor = previous;
    }
  }

  /** Makes every change that must be durable durable (not background progress): commands await this. */
  flush(): Promise<void> {
    return this.write('changes');
  }

  /** Changes plus background progress, giving way to commands: what the timer does every PROGRESS_INTERVAL_MS. */
  saveProgress(): Promise<void> {
    return this.write('progress');
  }

  /** `changes`: what must be durable; `progress`: plus background progress; `all`: plus progress, without giving way. */
  private write(scope: Scope): Promise<void> {
    // Group commit: commands arriving while a save runs share the one queued behind it, which
    // takes everything pending when it starts — fifty concurrent host writes cost two
    // transactions, not fifty.
    if (scope === 'changes' && this.queuedChanges !== null) return this.queuedChanges;
    this.waiting += 1;
    const next = this.chain.then(() => {
      this.waiting -= 1;
      if (scope === 'changes') this.queuedChanges = null;
      return this.timed(scope, () => this.writePending(scope));
    });
    if (scope === 'changes') this.queuedChanges = next;
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async timed(scope: Scope, save: () => Promise<void>): Promise<void> {
    if (this.saveListeners.size === 0) return save();
    const startMs = performance.now();
    let ok = false;
    try {
      await save();
      ok = true;
    } finally {
      const record = { scope, durationMs: performance.now() - startMs, ok };
      for (const listener of this.saveListeners) listener(record);
    }
  }

  private onEvent(event: EngineEvent): void {
    switch (event.kind) {
      case 'copy.progress':
        if (event.cause === 'host-write') {
          this.changed.add(event.copyId);
          this.unsavedChanges.mark();
        } else {
          this.progressed.add(event.copyId);
          this.unsavedProgress.mark();
        }
        return;
      case 'volume.changed':
        this.volumes.add(event.volumeId);
        this.unsavedChanges.mark();
        return;
      case 'simulation.changed':
        // A change of speed or a step: the clock is saved with the next save, idle or not.
        this.clockMoved = true;
        return;
      // The volume services write the row and its log entry themselves; workloads are not saved.
      case 'volume.added':
      case 'volume.removed':
      case 'workload.changed':
        return;
      case 'copy.removed':
        this.changed.delete(event.copyId);
        this.progressed.delete(event.copyId);
        this.removed.add(event.copyId);
        break;
      case 'volume.owner-changed':
        this.volumes.add(event.volumeId);
        break;
      case 'controller.changed':
      case 'fault.injected':
      case 'fault.cleared':
        this.faultChanges.push(event);
        break;
      default:
        this.changed.add(event.copyId);
    }
    this.unsavedChanges.mark();
    // Stamped now, not when the batch is written up to 250 ms later, when the clock may have run on by 100×.
    this.events.push({ ...asSnapshotEntry(event, eventRecord(event, this.actor, this.describe(event))), simulatedTime: new Date(this.engine.clock.nowMs()) });
  }

  /** Names that make a copy's log entries readable without looking the ids up. */
  private describe(event: EngineEvent): Record<string, string> {
    if (event.kind === 'volume.owner-changed') {
      const volume = this.engine.fleet.volume(event.volumeId);
      return volume === undefined ? {} : { name: volume.name };
    }
    if (!('copyId' in event)) return {};
    const relationship = this.engine.relationship(event.copyId);
    if (relationship === undefined)
      return event.kind === 'copy.removed' && event.snapshotVolumeId !== undefined ? { snapshotVolumeId: event.snapshotVolumeId } : {};
    const name = (id: string) => this.engine.fleet.volume(id)?.name ?? id;
    const names: Record<string, string> = {
      name: relationship.name,
      type: relationship.type,
      source: name(relationship.sourceVolumeId),
      target: name(relationship.targetVolumeId),
    };
    if (relationship.type === 'snapshot') names.snapshotVolumeId = relationship.targetVolumeId;
    return names;
  }

  private async writePending(scope: Scope): Promise<void> {
    const nowMs = Date.now();
    const withProgress = scope !== 'changes';
    const copyIds = new Set(this.changed);
    const progressOnly: string[] = [];
    if (withProgress) {
      for (const id of this.progressed) {
        if (copyIds.has(id)) continue;
        // A row not written yet is created with the flush's own transaction.
        if (this.stored.has(id)) progressOnly.push(id);
        else copyIds.add(id);
      }
      this.progressed.clear();
      this.lastProgressFlushMs = nowMs;
      this.unsavedProgress.take();
    }
    // A changed relationship's whole row is written, its progress as it is now included: left
    // marked as progressed, it would read unsaved, and every host write through it would ask for
    // another save of it until the next progress round (16 writers: a save per write).
    if (!withProgress) for (const id of copyIds) this.progressed.delete(id);
    this.changed.clear();
    this.unsavedChanges.take();
    for (const id of copyIds) this.savingChanges.add(id);
    for (const id of progressOnly) this.savingProgress.add(id);
    const removed = [...this.removed];
    this.removed.clear();
    const volumeIds = [...this.volumes];
    this.volumes.clear();
    const events = this.events;
    this.events = [];
    // Everything this transaction writes is taken now, synchronously; the data under it is made
    // durable before the transaction (see rowsOf).
    const { rows, durable } = this.rowsOf(copyIds);
    // Every host write queued so far marked its relationships changed, so their rows are in this
    // save: once it commits, the writes' data may go to the volumes (engine/io/write-queue.ts).
    const writeMark = this.engine.hostWriteMark();
    const volumeRows = volumeIds.flatMap((id) => this.volumeRowOf(id));
    const clock = this.clockValue();
    const faultChanges = this.faultChanges;
    this.faultChanges = [];
    const idle =
      copyIds.size === 0 && progressOnly.length === 0 && removed.length === 0 && volumeRows.length === 0 && events.length === 0 && faultChanges.length === 0;
    const clockDue = scope === 'all' || this.clockMoved || nowMs - this.clockSavedAtMs >= CLOCK_SAVE_INTERVAL_MS;
    if (idle && !clockDue) {
      // Nothing to make durable; writes waiting behind the save that just ran go now, as after any save.
      this.unsavedChanges.saved();
      this.engine.applyHostWrites(writeMark);
      return;
    }
    this.clockMoved = false;
    try {
      await durable;
      await this.db.$transaction(async (tx) => {
        await this.fence(tx);
        await this.writeRows(tx, rows);
        for (const id of removed) {
          if (this.stored.has(id)) await tx.copyRelationship.deleteMany({ where: { id } });
        }
        for (const row of volumeRows) await tx.volume.updateMany({ where: { id: row.id }, data: row.data });
        for (const change of faultChanges) await writeFaultChange(tx, change);
        await recordEvents(tx, events);
        await this.writeClock(tx, clock);
      });
      this.clockSavedAtMs = nowMs;
      for (const row of rows) this.stored.add(row.id);
      for (const id of removed) this.stored.delete(id);
      for (const id of copyIds) this.savingChanges.delete(id);
      this.unsavedChanges.saved();
      // The rows this save wrote carried their progress (see above): if that was all the progress
      // waiting, none is unsaved now, and the gauge must not go on counting its age.
      if (!withProgress && this.progressed.size === 0 && this.savingProgress.size === 0) this.unsavedProgress.nonePending();
      this.engine.applyHostWrites(writeMark);
    } catch (error) {
      this.clockMoved = true; // not on record: the next save writes it whatever else it has
      this.unsavedChanges.failed();
      if (withProgress) this.unsavedProgress.failed();
      // Nothing of this flush was saved: keep all of it for the next one.
      for (const id of copyIds) this.changed.add(id);
      for (const id of copyIds) this.savingChanges.delete(id);
      for (const id of progressOnly) this.savingProgress.delete(id);
      for (const id of removed) if (!this.engine.relationship(id)) this.removed.add(id);
      for (const id of volumeIds) this.volumes.add(id);
      this.events = [...events, ...this.events];
      this.faultChanges = [...faultChanges, ...this.faultChanges];
      for (const id of progressOnly) this.progressed.add(id);
      const held = this.events.length + this.faultChanges.length;
      if (held > this.eventsHeldMax) {
        this.log.fatal({ err: error, held }, `saves keep failing and ${held} log entries wait (at most ${this.eventsHeldMax}): stopping`);
        this.onBacklogFull(held);
      }
      throw error;
    }
    let finished: boolean;
    try {
      finished = await this.writeProgress(progressOnly, scope !== 'all');
    } catch (error) {
      this.unsavedProgress.failed();
      throw error;
    }
    if (withProgress) {
      // Progress that gave way is pending again, as old as it was.
      if (finished) this.unsavedProgress.saved();
      else this.unsavedProgress.failed();
    }
    // The next progress write waits its interval from the end of this one, however long it took;
    // progress that gave way to a command goes on at the next tick.
    if (!finished) this.lastProgressFlushMs = 0;
    else if (progressOnly.length > 0) this.lastProgressFlushMs = Date.now();
  }

  /**
   * Progress-only rows, a batch per transaction, letting the event loop run between batches.
   * Returns false when it stopped early for a flush waiting behind it (`yieldToOthers`).
   */
  private async writeProgress(ids: string[], yieldToOthers: boolean): Promise<boolean> {
    for (let first = 0; first < ids.length; first += this.progressRowsPerTransaction) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (yieldToOthers && this.waiting > 0) {
        this.putBackProgress(ids.slice(first));
        return false;
      }
      const batch = ids.slice(first, first + this.progressRowsPerTransaction);
      const { statement, durable } = this.progressStatementOf(batch);
      try {
        await durable;
        await this.db.$transaction(async (tx) => {
          await this.fence(tx);
          if (statement !== null) await tx.$executeRaw(statement);
        });
      } catch (error) {
        // This batch and the rest wait for the next progress flush.
        this.putBackProgress(ids.slice(first));
        throw error;
      }
      for (const id of batch) this.savingProgress.delete(id);
    }
    return true;
  }

  private putBackProgress(ids: readonly string[]): void {
    for (const id of ids) {
      this.progressed.add(id);
      this.savingProgress.delete(id);
    }
  }

  /**
   * The rows of these relationships as they are now, taken synchronously (no engine tick can run
   * while they are read), and `durable`: the data of their volumes made durable, started at the
   * same instant on libuv's pool (FileStore.syncData: fdatasync, then the allocation map). The
   * transaction awaits it: every grain a saved bitmap calls copied was written before the rows
   * were taken, so the fdatasync started then covers it, and a saved bitmap never calls a grain
   * copied whose bytes could be lost. Grains copied while it runs are in neither. (Before #16 this
   * fdatasync ran on the event loop, holding HTTP and pushes for every save.)
   */
  private rowsOf(ids: Iterable<string>): { rows: CopyRowWrite[]; durable: Promise<void> } {
    const { relationships, durable } = this.withDurableVolumes(ids);
    const rows = relationships.map((relationship) => {
      const view = this.engine.view(relationship);
      return this.stored.has(relationship.id)
        ? { id: relationship.id, update: copyRowUpdateStatement(relationship, view.progress, view.differentialBytes, dialectOfDb(this.db)) }
        : { id: relationship.id, create: copyRowCreate(relationship, view.progress, view.differentialBytes) };
    });
    return { rows, durable };
  }

  /** The relationships that still exist, and their volumes' data being made durable (see rowsOf). */
  private withDurableVolumes(ids: Iterable<string>): { relationships: Relationship[]; durable: Promise<void> } {
    const relationships = [...ids].flatMap((id) => this.engine.relationship(id) ?? []);
    const volumeIds = new Set(relationships.flatMap((relationship) => [relationship.sourceVolumeId, relationship.targetVolumeId]));
    const durable = Promise.all([...volumeIds].map((id) => this.syncVolume(id))).then(() => undefined);
    // Awaited by the save; until then a rejection must not count as unhandled.
    durable.catch(() => undefined);
    return { relationships, durable };
  }

  private async syncVolume(volumeId: string): Promise<void> {
    try {
      await this.engine.store(volumeId).syncData();
    } catch (error) {
      // Deleted meanwhile: its store was flushed as it closed, and its relationships went with it.
      if (this.engine.fleet.volume(volumeId) !== undefined) throw error;
    }
  }

  /** Like rowsOf, for rows already stored whose progress alone moved: one statement (copyProgressStatement), null if none is left. */
  private progressStatementOf(ids: Iterable<string>): { statement: Prisma.Sql | null; durable: Promise<void> } {
    const { relationships, durable } = this.withDurableVolumes(ids);
    const rows = relationships.map((relationship) => {
      // Not the whole view: a mapping's chain view walks its neighbours, and these rows save none of it.
      const view = this.engine.progressView(relationship);
      return { relationship, progress: view.progress, differentialBytes: view.differentialBytes };
    });
    return { statement: rows.length === 0 ? null : copyProgressStatement(rows, dialectOfDb(this.db)), durable };
  }

  private async writeRows(tx: Tx, rows: CopyRowWrite[]): Promise<void> {
    for (const row of rows) {
      if (row.create !== undefined) await tx.copyRelationship.create({ data: row.create });
      // As a compiled update would, a stored row that is not there fails the save.
      else if ((await tx.$executeRaw(row.update)) !== 1) throw new Error(`copy ${row.id}: its stored row is missing`);
    }
  }

  private volumeRowOf(id: string): { id: string; data: Prisma.VolumeUpdateManyMutationInput }[] {
    const volume = this.engine.fleet.volume(id);
    if (volume === undefined) return [];
    return [
      {
        id,
        data: { currentOwner: volume.currentOwner, roles: volume.roles, readOnly: volume.readOnly, status: volume.status, imageNote: volume.imageNote ?? null },
      },
    ];
  }

  /**
   * Every save writes the clock (four times a second even when nothing else changed): as a raw
   * UPDATE, because Prisma's upsert compiles its query each time, a few per cent of a core on its
   * own. The first save of a fresh inventory creates the row.
   */
  private async writeClock(tx: Tx, clock: { simulatedTimeMs: number; speed: string | number }): Promise<void> {
    const value = jsonParameter(clock, dialectOfDb(this.db));
    const updated = await tx.$executeRaw(Prisma.sql`UPDATE "Setting" SET "value" = ${value} WHERE "key" = ${SIMULATION_SETTING_KEY}`);
    if (updated === 0) await tx.setting.create({ data: { key: SIMULATION_SETTING_KEY, value: clock } });
  }

  private clockValue(): { simulatedTimeMs: number; speed: string | number } {
    return { simulatedTimeMs: this.engine.clock.nowMs(), speed: this.engine.clock.speed };
  }
}

/**
 * A snapshot's entries are about its snapshot volume (a snapshot is not a copy): snapshot.created,
 * snapshot.state-changed, … with the volume as subject, so the log links to the volume's page.
 */
function asSnapshotEntry(event: EngineEvent, record: NewEvent): NewEvent {
  const details = record.details as Record<string, unknown> | null;
  const volumeId = details !== null && typeof details === 'object' ? details.snapshotVolumeId : undefined;
  if (!event.kind.startsWith('copy.') || typeof volumeId !== 'string') return record;
  return { ...record, kind: event.kind.replace('copy.', 'snapshot.'), subjectType: 'volume', subjectId: volumeId };
}

/** A new row (compiled create, once per copy) or a stored one's new values (copyRowUpdateStatement). */
type CopyRowWrite =
  { id: string; create: Prisma.CopyRelationshipUncheckedCreateInput; update?: undefined } | { id: string; create?: undefined; update: Prisma.Sql };

function eventRecord(
  event: Exclude<EngineEvent, { kind: 'copy.progress' | 'volume.changed' | 'simulation.changed' | 'volume.added' | 'volume.removed' | 'workload.changed' }>,
  actor: string,
  names: Record<string, string>,
): NewEvent {
  const base = { kind: event.kind, arrayId: event.arrayId, actor };
  switch (event.kind) {
    case 'copy.created':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, state: event.state } };
    case 'copy.state-changed':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, from: event.from, to: event.to, cause: event.cause } };
    case 'copy.options-changed':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, ...event.options } as Prisma.InputJsonValue };
    case 'copy.removed':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, cause: event.cause } };
    case 'copy.renamed':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, from: event.from, to: event.to } };
    case 'copy.group-changed':
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, fromGroup: event.from, toGroup: event.to } };
    case 'copy.freeze-changed': {
      const frozenUntil = event.frozenUntilMs === null ? null : new Date(event.frozenUntilMs).toISOString();
      return { ...base, subjectType: 'copy', subjectId: event.copyId, details: { ...names, group: event.groupId, frozenUntil, cause: event.cause } };
    }
    case 'volume.owner-changed':
      return { ...base, subjectType: 'volume', subjectId: event.volumeId, details: { ...names, from: event.from, to: event.to, reason: event.reason } };
    case 'controller.changed':
      return {
        ...base,
        subjectType: 'array',
        subjectId: event.arrayId,
        details: { name: event.arrayName, slot: event.slot, from: event.from, to: event.to, cause: event.cause },
      };
    case 'fault.injected':
    case 'fault.cleared': {
      const { fault } = event;
      const cause = event.kind === 'fault.cleared' ? { cause: event.cause } : {};
      return {
        ...base,
        subjectType: 'array',
        subjectId: event.arrayId,
        details: { name: event.arrayName, faultId: fault.id, faultKind: fault.kind, target: fault.targetName, effect: fault.effect, ...cause },
      };
    }
  }
}
