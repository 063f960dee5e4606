// The event log's live tail: new rows of the Event table pushed as `events.created`.
// Events are written from many places (API handlers, the audit trail, the persister, other nodes
// sharing a PostgreSQL inventory), often inside transactions, so the tail reads the table rather
// than hooking every writer. Every TAIL_INTERVAL_MS, while anyone listens, it reads:
// - the rows after the newest (time, id) it has sent, in that order: however many arrive at once
//   (a save logs ten thousand state changes in one statement), the tail moves on a batch a read;
// - rows stamped within a look-back window before that but not sent yet: a transaction that
//   stamped its row earlier and committed later. This read names the ids already sent in the
//   window, so it runs only while they are few; after a burst, a late row in the window may be
//   missed, and consoles catch up from the REST list as they do after any gap.
// Before #16 one read did both and filtered what it had sent: each row was read about twenty
// times, and a window holding more than a batch of sent rows stopped the tail for good.
import type { EventView } from '../services/dto';
import type { Scheduler } from './coalescer';

export const TAIL_INTERVAL_MS = 250;
/** A transaction that stamped its event earlier but committed later is still found within this. */
export const TAIL_LOOKBACK_MS = 5_000;
/** Ids sent within the look-back window that the late-commit read may name; more, and it waits. */
export const LATE_READ_IDS_MAX = 200;

/** A row's place in the tail's order: time, then id. */
export interface TailKey {
  timeMs: number;
  id: string;
}

export interface EventTailOptions {
  /** Rows after `after` in (time, id) order, oldest first, at most `limit`. */
  fetchAfter: (after: TailKey, limit: number) => Promise<EventView[]>;
  /** Rows with sinceMs ≤ time ≤ untilMs whose ids are not in `excludeIds`, oldest first, at most `limit`. */
  fetchLate: (sinceMs: number, untilMs: number, excludeIds: readonly string[], limit: number) => Promise<EventView[]>;
  emit: (events: EventView[]) => void;
  /** Whether any client listens: an idle console reads nothing. */
  hasListeners: () => boolean;
  scheduler: Scheduler;
  onError: (error: unknown) => void;
  intervalMs?: number;
  lookbackMs?: number;
  /** More than this many new rows per tick are left for the next tick (and clients resync from REST). */
  batchLimit?: number;
}

export class EventTail {
  private readonly seen = new Map<string, number>(); // id → time (ms), within the look-back window
  /** The newest row sent (or, before any, now): reads continue after it. */
  private last: TailKey;
  private timer: unknown = null;
  private running = false;

  constructor(private readonly options: EventTailOptions) {
    this.last = { timeMs: options.scheduler.now(), id: '' };
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.options.scheduler.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = this.options.scheduler.setTimer(() => void this.tick(), this.options.intervalMs ?? TAIL_INTERVAL_MS);
  }

  /** One read of the table; exposed for tests, which drive it with a virtual clock. */
  async tick(): Promise<void> {
    const { options } = this;
    const lookbackMs = options.lookbackMs ?? TAIL_LOOKBACK_MS;
    try {
      if (!options.hasListeners()) {
        // Nobody to tell: start again from now when someone connects (they resync from REST).
        this.last = { timeMs: options.scheduler.now(), id: '' };
        this.seen.clear();
        return;
      }
      const limit = options.batchLimit ?? 500;
      const late =
        this.seen.size <= LATE_READ_IDS_MAX ? await options.fetchLate(this.last.timeMs - lookbackMs, this.last.timeMs, [...this.seen.keys()], limit) : [];
      const after = await options.fetchAfter(this.last, limit);
      // Each read leaves out what was sent; a stand-in that did not is held to the same rule.
      const fresh: EventView[] = [];
      for (const row of [...late, ...after]) {
        // A row stamped with the newest sent time can be in both reads.
        if (this.seen.has(row.id)) continue;
        this.seen.set(row.id, Date.parse(row.time));
        fresh.push(row);
      }
      const newest = after.at(-1);
      if (newest !== undefined) this.last = { timeMs: Date.parse(newest.time), id: newest.id };
      for (const [id, timeMs] of this.seen) if (timeMs < this.last.timeMs - lookbackMs) this.seen.delete(id);
      if (fresh.length > 0) options.emit(fresh);
    } catch (error) {
      options.onError(error);
    } finally {
      this.schedule();
    }
  }
}
