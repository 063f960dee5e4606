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

/** A note waiting to go out, with what its send time depends on worked out once. */
interface Pending {
  note: ChangeNote;
  /** Only progress moved (see ChangeNote.progressOnly). */
  progressOnly: boolean;
  /** Progress alone: not before the object's last send plus progressIntervalMs. Others: -Infinity. */
  dueMs: number;
}

export class Coalescer {
  /** In the order the objects were first noted (a batch keeps that order). */
  private pending = new Map<string, Pending>();
  /** Pending notes that are not about progress alone: they all share one send time, the beat's. */
  private urgentCount = 0;
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
    const earlier = this.pending.get(key);
    // Progress on progress already waiting changes nothing: the timer set for the first is due no
    // later than this one would be (a pending note's time only moves later). A thousand moving
    // copies note progress twenty times a second each.
    if (change.progressOnly === true && change.removed !== true && earlier?.progressOnly === true) return;
    // A removal is final for this batch: a later progress note about the same id (which the
    // engine should not send, but a listener might) must not resurrect the object on clients.
    const removed = change.removed === true || earlier?.note.removed === true;
    const progressOnly = change.progressOnly === true && !removed && (earlier === undefined || earlier.progressOnly);
    const sentMs = progressOnly ? this.lastSentMs.get(key) : undefined;
    const dueMs = sentMs === undefined ? Number.NEGATIVE_INFINITY : sentMs + (this.options.progressIntervalMs ?? this.options.intervalMs);
    if (earlier === undefined) {
      this.pending.set(key, { note: { kind: change.kind, id: change.id, arrayId: change.arrayId, removed }, progressOnly, dueMs });
      if (!progressOnly) this.urgentCount += 1;
    } else {
      earlier.note.removed = removed;
      if (earlier.progressOnly && !progressOnly) this.urgentCount += 1;
      earlier.progressOnly = progressOnly;
      earlier.dueMs = dueMs;
    }
    this.schedule(this.sendableAt(progressOnly, dueMs));
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
    this.urgentCount = 0;
    this.lastSentMs.clear();
    this.keys.clear();
  }

  /** When a note may go out: when it is due, and its kind's beat (progress or other changes) allows. */
  private sendableAt(progressOnly: boolean, dueMs: number): number {
    return Math.max(dueMs, progressOnly ? this.progressBeatAt() : this.lastChangesFlushMs + this.options.intervalMs);
  }

  private progressBeatAt(): number {
    return this.lastProgressFlushMs + (this.options.progressBeatMs ?? this.options.intervalMs);
  }

  private send(keys: string[], progress: boolean): void {
    if (keys.length === 0) return;
    const nowMs = this.options.scheduler.now();
    const changes: ChangeNote[] = [];
    for (const key of keys) {
      const entry = this.pending.get(key);
      if (entry === undefined) continue;
      this.pending.delete(key);
      if (!entry.progressOnly) this.urgentCount -= 1;
      const change = entry.note;
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
   * progress sent recently waits for its turn. With ten thousand copies moving, nearly all of them
   * have progress pending at any moment: the walks below stop as soon as they know the answer,
   * instead of asking every pending note at every beat (that was a seventh of the server's time).
   */
  private flushDue(): void {
    const nowMs = this.options.scheduler.now();
    const changesDue = this.urgentCount > 0 && this.lastChangesFlushMs + this.options.intervalMs <= nowMs;
    // At most progressBatchMax progress notes per batch, the longest waiting first: a thousand
    // copies due together go out over a few intervals, so no single push holds the server (or a
    // client) for long, and their due times spread out from then on.
    const batchMax = this.options.progressBatchMax ?? Number.POSITIVE_INFINITY;
    const progressDue = this.progressBeatAt() <= nowMs;
    const changes: string[] = [];
    const progress: string[] = [];
    if (changesDue || progressDue) {
      for (const [key, entry] of this.pending) {
        if (!entry.progressOnly) {
          if (changesDue) changes.push(key);
        } else if (progressDue && progress.length < batchMax && entry.dueMs <= nowMs) progress.push(key);
        if ((!changesDue || changes.length === this.urgentCount) && (!progressDue || progress.length >= batchMax)) break;
      }
    }
    this.send(changes, false);
    this.send(progress, true);
    this.schedule(this.nextSendableAt());
  }

  /** The earliest time a pending note may go out (Infinity: nothing pending). */
  private nextSendableAt(): number {
    let nextMs = this.urgentCount > 0 ? this.lastChangesFlushMs + this.options.intervalMs : Number.POSITIVE_INFINITY;
    const beatAtMs = this.progressBeatAt();
    for (const entry of this.pending.values()) {
      if (!entry.progressOnly) continue;
      nextMs = Math.min(nextMs, Math.max(entry.dueMs, beatAtMs));
      if (entry.dueMs <= beatAtMs) break; // no progress note can go out before the beat
    }
    return nextMs;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.scheduler.clearTimer(this.timer);
    this.timer = null;
    this.timerAtMs = Number.POSITIVE_INFINITY;
  }

  private schedule(atMs: number): void {
    if (atMs === Number.POSITIVE_INFINITY) return;
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
