// The event log's live tail: new rows of the Event table pushed as `events.created`.
// Events are written from many places (API handlers, the audit trail, the persister, other nodes
// sharing a PostgreSQL inventory), often inside transactions, so the tail reads the table rather
// than hooking every writer: every TAIL_INTERVAL_MS, while anyone listens, it asks for rows newer
// than what it has seen, minus a look-back window for transactions that committed late; ids already
// sent within that window are left out by the query itself, so nothing is pushed twice and nothing
// is missed. (Reading them again and skipping them here cost a read of every row twenty times, and
// a window holding more than a batch of sent rows stopped the tail for good.)
import type { EventView } from '../services/dto';
import type { Scheduler } from './coalescer';

export const TAIL_INTERVAL_MS = 250;
/** A transaction that stamped its event earlier but committed later is still found within this. */
export const TAIL_LOOKBACK_MS = 5_000;

export interface EventTailOptions {
  /** Rows with time ≥ sinceMs whose ids are not in `excludeIds`, oldest first, at most `limit`. */
  fetchSince: (sinceMs: number, limit: number, excludeIds: readonly string[]) => Promise<EventView[]>;
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
  private readonly seen = new Map<string, number>(); // id → time (ms)
  private newestMs: number;
  private timer: unknown = null;
  private running = false;

  constructor(private readonly options: EventTailOptions) {
    this.newestMs = options.scheduler.now();
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
        this.newestMs = options.scheduler.now();
        this.seen.clear();
        return;
      }
      const rows = await options.fetchSince(this.newestMs - lookbackMs, options.batchLimit ?? 500, [...this.seen.keys()]);
      // The query left the seen ids out; a stand-in that did not is held to the same rule.
      const fresh = rows.filter((row) => !this.seen.has(row.id));
      for (const row of fresh) {
        const timeMs = Date.parse(row.time);
        this.seen.set(row.id, timeMs);
        if (timeMs > this.newestMs) this.newestMs = timeMs;
      }
      for (const [id, timeMs] of this.seen) if (timeMs < this.newestMs - lookbackMs) this.seen.delete(id);
      if (fresh.length > 0) options.emit(fresh);
    } catch (error) {
      options.onError(error);
    } finally {
      this.schedule();
    }
  }
}
