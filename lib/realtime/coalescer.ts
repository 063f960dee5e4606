// Collects "this object changed" notes and hands them over in batches at most once per interval.
// The engine emits progress for every copy on every 50 ms tick; clients need the latest state of
// each object, not every step, so notes about the same object collapse into one. Progress alone
// may go out less often than other changes (progressIntervalMs): with a thousand copies moving,
// each batch would otherwise carry every one of them ten times a second. Progress and other changes
// keep separate beats, so a state change never queues behind progress. Pure: the clock and the
// timer are injected, so tests drive time by hand.

/** `workload`: the host workload of the volume `id`. */
export type ObjectKind = 'copy' | 'volume' | 'array' | 'workload';

export interface ChangeNote {
  kind: ObjectKind;
  id: string;
  /** The array the object lives on: decides which `array:<id>` room hears about it. */
  arrayId: string;
  /** The object no longer exists; wins over any update noted in the same batch. */
  removed?: boolean;
  /**
   * Only progress moved (bytes copied, rate, ETA): such a note about an object sent less than
   * progressIntervalMs ago waits until then. Any other note about the object makes it urgent again.
   */
  progressOnly?: boolean;
}

export interface Batch {
  /** One entry per object, in the order the objects were first noted. */
  changes: ChangeNote[];
  /**
   * Every change in the batch is about progress alone: receivers may send it only to whoever
   * shows those objects (live-push.ts). Batches from flushNow say false: they mix both.
   */
  progress: boolean;
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
  /** The beat of batches of other changes (state, options, removals): at most one per interval. */
  intervalMs: number;
  /**
   * The beat of progress batches (default intervalMs). Longer than intervalMs under load: each
   * progress batch is up to progressBatchMax whole objects, while other changes are few and
   * someone is usually waiting to see them (a click's result).
   */
  progressBeatMs?: number;
  /** How often one object's progress-only changes go out (default intervalMs: no difference). */
  progressIntervalMs?: number;
  /** Most progress-only notes in one batch (default: no limit); the rest go in the next ones. */
  progressBatchMax?: number;
  scheduler: Scheduler;
  flush: (batch: Batch) => void;
}

export class Coalescer {
  private pending = new Map<string, ChangeNote>();
  /** Keys whose pending note is about progress alone. */
  private progressOnly = new Set<string>();
  /** When each object last went out (removed objects are forgotten). */
  private lastSentMs = new Map<string, number>();
  private timer: unknown = null;
  private timerAtMs = Number.POSITIVE_INFINITY;
  /**
   * When the last batch of other changes, and of progress, went out; -Infinity so the first goes
   * out without waiting. Two beats, not one: a state change must not wait behind the steady stream
   * of progress batches that a thousand moving copies keep up (it would wait up to intervalMs).
   */
  private lastChangesFlushMs = Number.NEGATIVE_INFINITY;
  private lastProgressFlushMs = Number.NEGATIVE_INFINITY;
  private stopped = false;
  /**
   * Each object's key, made once: a key built afresh for every note (twenty a second for each
   * moving copy) is a new string to hash on every lookup. Forgotten with the object.
   */
  private readonly keys = new Map<ObjectKind, Map<string, string>>();

  constructor(private readonly options: CoalescerOptions) {}

  private keyOf(kind: ObjectKind, id: string): string {
    let ofKind = this.keys.get(kind);
    if (ofKind === undefined) this.keys.set(kind, (ofKind = new Map()));
    let key = ofKind.get(id);
    if (key === undefined) ofKind.set(id, (key = `${kind}:${id}`));
    return key;
  }

  note(change: ChangeNote): void {
    if (this.stopped) return;
    const key = this.keyOf(change.kind, change.id);
    // Progress on progress already waiting changes nothing: the timer set for the first is due no
    // later than this one would be (a pending note's time only moves later). A thousand moving
    // copies note progress twenty times a second each.
    if (change.progressOnly === true && change.removed !== true && this.progressOnly.has(key)) return;
    const earlier = this.pending.get(key);
    // A removal is final for this batch: a later progress note about the same id (which the
    // engine should not send, but a listener might) must not resurrect the object on clients.
    const removed = change.removed === true || earlier?.removed === true;
    if (earlier === undefined) this.pending.set(key, { kind: change.kind, id: change.id, arrayId: change.arrayId, removed });
    else earlier.removed = removed;
    if (change.progressOnly === true && !removed && (earlier === undefined || this.progressOnly.has(key))) this.progressOnly.add(key);
    else this.progressOnly.delete(key);
    this.schedule(this.sendableAt(key));
  }

  /** Sends whatever is pending now, progress included (used on shutdown and by tests). */
  flushNow(): void {
    this.clearTimer();
    this.send([...this.pending.keys()], false);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.pending.clear();
    this.progressOnly.clear();
    this.lastSentMs.clear();
    this.keys.clear();
  }

  /** When the note pending under `key` may go out: at once, unless it is progress sent recently. */
  private dueAt(key: string): number {
    const sentMs = this.progressOnly.has(key) ? this.lastSentMs.get(key) : undefined;
    return sentMs === undefined ? Number.NEGATIVE_INFINITY : sentMs + (this.options.progressIntervalMs ?? this.options.intervalMs);
  }

  /** When the note may go out: when it is due, and its kind's beat (progress or other changes) allows. */
  private sendableAt(key: string): number {
    const progress = this.progressOnly.has(key);
    const beatMs = progress ? (this.options.progressBeatMs ?? this.options.intervalMs) : this.options.intervalMs;
    const lastFlushMs = progress ? this.lastProgressFlushMs : this.lastChangesFlushMs;
    return Math.max(this.dueAt(key), lastFlushMs + beatMs);
  }

  private send(keys: string[], progress: boolean): void {
    if (keys.length === 0) return;
    const nowMs = this.options.scheduler.now();
    const changes: ChangeNote[] = [];
    for (const key of keys) {
      const change = this.pending.get(key);
      if (change === undefined) continue;
      this.pending.delete(key);
      this.progressOnly.delete(key);
      if (change.removed === true) {
        this.lastSentMs.delete(key);
        this.keys.get(change.kind)?.delete(change.id);
      } else this.lastSentMs.set(key, nowMs);
      changes.push(change);
    }
    if (progress) this.lastProgressFlushMs = nowMs;
    else this.lastChangesFlushMs = nowMs;
    this.options.flush({ changes, progress });
  }

  /**
   * The timer's work: every note that is due goes out, other changes in a batch of their own ahead
   * of progress (a state change is not held up while a thousand copies' progress is serialized);
   * progress sent recently waits for its turn.
   */
  private flushDue(): void {
    const nowMs = this.options.scheduler.now();
    const changes: string[] = [];
    const progress: string[] = [];
    for (const key of this.pending.keys()) {
      if (this.sendableAt(key) > nowMs) continue;
      if (this.progressOnly.has(key)) progress.push(key);
      else changes.push(key);
    }
    this.send(changes, false);
    // At most progressBatchMax progress notes per batch, the longest waiting first: a thousand
    // copies due together go out over a few intervals, so no single push holds the server (or a
    // client) for long, and their due times spread out from then on.
    const batchMax = this.options.progressBatchMax ?? Number.POSITIVE_INFINITY;
    this.send(progress.slice(0, batchMax), true);
    let nextMs = Number.POSITIVE_INFINITY;
    for (const key of this.pending.keys()) nextMs = Math.min(nextMs, this.sendableAt(key));
    if (nextMs !== Number.POSITIVE_INFINITY) this.schedule(nextMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.scheduler.clearTimer(this.timer);
    this.timer = null;
    this.timerAtMs = Number.POSITIVE_INFINITY;
  }

  private schedule(atMs: number): void {
    // Leading edge: a lone change (a state change after a quiet spell) reaches clients at once;
    // under a stream of changes batches of each kind go out every intervalMs, never more often.
    if (this.timer !== null && this.timerAtMs <= atMs) return;
    this.clearTimer();
    this.timerAtMs = atMs;
    this.timer = this.options.scheduler.setTimer(
      () => {
        this.timer = null;
        this.timerAtMs = Number.POSITIVE_INFINITY;
        this.flushDue();
      },
      Math.max(0, atMs - this.options.scheduler.now()),
    );
  }
}
