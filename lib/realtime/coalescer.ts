// Collects "this object changed" notes and hands them over in batches at most once per interval.
// The engine emits progress for every copy on every 50 ms tick; clients need the latest state of
// each object, not every step, so notes about the same object collapse into one. Pure: the clock
// and the timer are injected, so tests drive time by hand.

/** `workload`: the host workload of the volume `id`. */
export type ObjectKind = 'copy' | 'volume' | 'array' | 'workload';

export interface ChangeNote {
  kind: ObjectKind;
  id: string;
  /** The array the object lives on: decides which `array:<id>` room hears about it. */
  arrayId: string;
  /** The object no longer exists; wins over any update noted in the same batch. */
  removed?: boolean;
}

export interface Batch {
  /** One entry per object, in the order the objects were first noted. */
  changes: ChangeNote[];
}

export interface Scheduler {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CoalescerOptions {
  intervalMs: number;
  scheduler: Scheduler;
  flush: (batch: Batch) => void;
}

export class Coalescer {
  private pending = new Map<string, ChangeNote>();
  private timer: unknown = null;
  /** When the last batch went out; -Infinity so the first change goes out without waiting. */
  private lastFlushMs = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(private readonly options: CoalescerOptions) {}

  note(change: ChangeNote): void {
    if (this.stopped) return;
    const key = `${change.kind}:${change.id}`;
    const earlier = this.pending.get(key);
    // A removal is final for this batch: a later progress note about the same id (which the
    // engine should not send, but a listener might) must not resurrect the object on clients.
    const removed = change.removed === true || earlier?.removed === true;
    if (earlier === undefined) this.pending.set(key, { ...change, removed });
    else earlier.removed = removed;
    this.schedule();
  }

  /** Sends whatever is pending now (used on shutdown and by tests). */
  flushNow(): void {
    if (this.timer !== null) {
      this.options.scheduler.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0) return;
    const changes = [...this.pending.values()];
    this.pending = new Map();
    this.lastFlushMs = this.options.scheduler.now();
    this.options.flush({ changes });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.scheduler.clearTimer(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const sinceLast = this.options.scheduler.now() - this.lastFlushMs;
    // Leading edge: a lone change (a state change after a quiet spell) reaches clients at once;
    // under a stream of changes batches go out every intervalMs, never more often.
    const delayMs = Math.max(0, this.options.intervalMs - sinceLast);
    this.timer = this.options.scheduler.setTimer(() => {
      this.timer = null;
      this.flushNow();
    }, delayMs);
  }
}
