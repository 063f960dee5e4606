// Saves what the engine changes to the inventory: relationships (state, options, bitmaps,
// progress), volume ownership and roles, the event log and the simulation clock. Writes are
// batched into one transaction per flush and serialised through one queue, so rows are written in
// the order the engine changed them. State changes flush within FLUSH_INTERVAL_MS; progress alone
// every PROGRESS_INTERVAL_MS; commands flush before they answer, so an acknowledged change is saved.
// Progress-only rows (bitmaps and byte counts of copies whose state did not change) go in batches
// of PROGRESS_ROWS_PER_TRANSACTION after the flush's own transaction, and the event loop runs
// between batches: the SQLite driver is synchronous, so one transaction of 1,000 rows would hold
// the whole process (socket.io heartbeats, pushes, HTTP) for seconds.
import type { Engine, EngineEvent } from '../../engine';
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { Logger } from '../log';
import { recordEvent, type NewEvent } from '../services/events';
import { copyRowCreate, copyRowUpdate } from './copy-rows';
import { writeFaultChange, type FaultChange } from '../services/fault-rows';

export const FLUSH_INTERVAL_MS = 250;
export const PROGRESS_INTERVAL_MS = 2_000;
export const PROGRESS_ROWS_PER_TRANSACTION = 20;
export const SIMULATION_SETTING_KEY = 'simulation';

type Tx = Prisma.TransactionClient;

export class Persister {
  private readonly db: Db;
  private readonly engine: Engine;
  private readonly log: Logger;
  private readonly stored: Set<string>;
  private readonly changed = new Set<string>();
  private readonly progressed = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly volumes = new Set<string>();
  private events: NewEvent[] = [];
  private faultChanges: FaultChange[] = [];
  private chain: Promise<void> = Promise.resolve();
  private actor = 'system';
  private timer: NodeJS.Timeout | null = null;
  private lastProgressFlushMs = 0;
  private timedFlushRunning = false;

  constructor(db: Db, engine: Engine, log: Logger, storedCopyIds: Iterable<string>) {
    this.db = db;
    this.engine = engine;
    this.log = log;
    this.stored = new Set(storedCopyIds);
    engine.on((event) => this.onEvent(event));
  }

  start(): void {
    this.timer = setInterval(() => {
      // One timed flush at a time: while a long one runs (the event loop turns between its
      // progress batches), the ticks must not queue more of them behind it.
      if (this.timedFlushRunning) return;
      this.timedFlushRunning = true;
      this.flush(false)
        .catch((error: unknown) => this.log.error({ err: error }, 'persisting engine state failed'))
        .finally(() => (this.timedFlushRunning = false));
    }, FLUSH_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush(true);
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

  /** Writes everything pending; `everything` includes progress-only changes. */
  flush(everything = true): Promise<void> {
    const next = this.chain.then(() => this.write(everything));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private onEvent(event: EngineEvent): void {
    switch (event.kind) {
      case 'copy.progress':
        this.progressed.add(event.copyId);
        return;
      case 'volume.changed':
        this.volumes.add(event.volumeId);
        return;
      case 'simulation.changed':
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
    this.events.push(eventRecord(event, this.actor, this.describe(event)));
  }

  /** Names that make a copy's log entries readable without looking the ids up. */
  private describe(event: EngineEvent): Record<string, string> {
    if (!('copyId' in event)) return {};
    const relationship = this.engine.copy(event.copyId);
    if (relationship === undefined) return {};
    const name = (id: string) => this.engine.fleet.volume(id)?.name ?? id;
    return { type: relationship.type, source: name(relationship.sourceVolumeId), target: name(relationship.targetVolumeId) };
  }

  private async write(everything: boolean): Promise<void> {
    const nowMs = Date.now();
    const withProgress = everything || nowMs - this.lastProgressFlushMs >= PROGRESS_INTERVAL_MS;
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
    }
    this.changed.clear();
    const removed = [...this.removed];
    this.removed.clear();
    const volumeIds = [...this.volumes];
    this.volumes.clear();
    const events = this.events;
    this.events = [];
    const faultChanges = this.faultChanges;
    this.faultChanges = [];
    const storedBefore = new Set(this.stored);
    try {
      await this.db.$transaction(async (tx) => {
        for (const id of copyIds) await this.writeCopy(tx, id);
        for (const id of removed) {
          if (this.stored.delete(id)) await tx.copyRelationship.deleteMany({ where: { id } });
        }
        for (const id of volumeIds) await this.writeVolume(tx, id);
        for (const change of faultChanges) await writeFaultChange(tx, change);
        for (const event of events) await recordEvent(tx, event);
        await this.writeClock(tx);
      });
    } catch (error) {
      // Nothing of this flush was saved: keep all of it for the next one.
      this.stored.clear();
      for (const id of storedBefore) this.stored.add(id);
      for (const id of copyIds) this.changed.add(id);
      for (const id of removed) if (!this.engine.copy(id)) this.removed.add(id);
      for (const id of volumeIds) this.volumes.add(id);
      this.events = [...events, ...this.events];
      this.faultChanges = [...faultChanges, ...this.faultChanges];
      for (const id of progressOnly) this.progressed.add(id);
      throw error;
    }
    await this.writeProgress(progressOnly);
    // The next progress write waits its interval from the end of this one, however long it took.
    if (progressOnly.length > 0) this.lastProgressFlushMs = Date.now();
  }

  /** Progress-only rows, a batch per transaction, letting the event loop run between batches. */
  private async writeProgress(ids: string[]): Promise<void> {
    for (let first = 0; first < ids.length; first += PROGRESS_ROWS_PER_TRANSACTION) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = ids.slice(first, first + PROGRESS_ROWS_PER_TRANSACTION);
      try {
        await this.db.$transaction(async (tx) => {
          for (const id of batch) await this.writeCopy(tx, id);
        });
      } catch (error) {
        // This batch and the rest wait for the next progress flush.
        for (const id of ids.slice(first)) this.progressed.add(id);
        throw error;
      }
    }
  }

  private async writeCopy(tx: Tx, id: string): Promise<void> {
    const relationship = this.engine.copy(id);
    if (relationship === undefined) return;
    const view = this.engine.view(relationship);
    if (this.stored.has(id)) {
      await tx.copyRelationship.update({ where: { id }, data: copyRowUpdate(relationship, view.progress, view.differentialBytes) });
    } else {
      await tx.copyRelationship.create({ data: copyRowCreate(relationship, view.progress, view.differentialBytes) });
      this.stored.add(id);
    }
  }

  private async writeVolume(tx: Tx, id: string): Promise<void> {
    const volume = this.engine.fleet.volume(id);
    if (volume === undefined) return;
    await tx.volume.updateMany({
      where: { id },
      data: { currentOwner: volume.currentOwner, roles: volume.roles, readOnly: volume.readOnly, status: volume.status },
    });
  }

  private async writeClock(tx: Tx): Promise<void> {
    const value = { simulatedTimeMs: this.engine.clock.nowMs(), speed: this.engine.clock.speed };
    await tx.setting.upsert({ where: { key: SIMULATION_SETTING_KEY }, create: { key: SIMULATION_SETTING_KEY, value }, update: { value } });
  }
}

function eventRecord(event: Exclude<EngineEvent, { kind: 'copy.progress' | 'volume.changed' | 'simulation.changed' | 'volume.added' | 'volume.removed' | 'workload.changed' }>, actor: string, names: Record<string, string>): NewEvent {
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
    case 'volume.owner-changed':
      return { ...base, subjectType: 'volume', subjectId: event.volumeId, details: { from: event.from, to: event.to, reason: event.reason } };
    case 'controller.changed':
      return { ...base, subjectType: 'array', subjectId: event.arrayId, details: { name: event.arrayName, slot: event.slot, from: event.from, to: event.to, cause: event.cause } };
    case 'fault.injected':
    case 'fault.cleared': {
      const { fault } = event;
      const cause = event.kind === 'fault.cleared' ? { cause: event.cause } : {};
      return { ...base, subjectType: 'array', subjectId: event.arrayId, details: { name: event.arrayName, faultId: fault.id, faultKind: fault.kind, target: fault.targetName, effect: fault.effect, ...cause } };
    }
  }
}
