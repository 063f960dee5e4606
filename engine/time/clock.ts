// The engine's one source of time. Simulated time is an integer count of ms since the Unix epoch,
// so it reads as a date. A wall-time source drives it at a speed: paused (0, stepped by hand with
// advance()), scaled (1×, 10×, 100×, 1000× wall time) or 'max', where a tick advances time by the
// simulated ms its work covers, as fast as the machine goes. Timers fire in time order as
// simulated time passes them, each seeing nowMs() equal to its own due time.
import assert from 'node:assert';
import { isClockSpeed, type ClockSpeed, type ScaledSpeed } from './speeds';

export { CLOCK_SPEEDS, isClockSpeed, type ClockSpeed, type ScaledSpeed } from './speeds';

/** Monotonic wall time in ms (fractions allowed); injectable so tests drive time themselves. */
export interface WallSource {
  nowMs(): number;
}

export const systemWall: WallSource = { nowMs: () => performance.now() };

export interface ClockOptions {
  /** Simulated time at creation, ms since the Unix epoch (e.g. Date.now(), or a checkpoint). */
  startMs: number;
  speed: ClockSpeed;
  wall?: WallSource;
  /** Pending timers allowed at once. */
  timersMax?: number;
  /** A longer wall gap between ticks (a stalled process) counts as this long, so time never leaps. */
  wallGapMaxMs?: number;
}

/** Timer callbacks fired by one step; more means timers rescheduling without end (a bug). */
const TIMER_FIRES_PER_STEP_MAX = 1_000_000;

interface Timer {
  id: number;
  atMs: number;
  callback: () => void;
}

/** Simulated ms a scaled clock covers while wall time moves from previous to now (never negative). */
export function elapsedSince(previousWallMs: number, nowWallMs: number, speed: ScaledSpeed): number {
  return Math.max(0, nowWallMs - previousWallMs) * speed;
}

export class Clock {
  private readonly wall: WallSource;
  private readonly timersMax: number;
  private readonly wallGapMaxMs: number;
  private timeMs: number;
  private currentSpeed: ClockSpeed;
  /** Wall time up to which elapsed wall time has been turned into simulated time. */
  private wallAnchorMs: number;
  /** Pending timers, latest first, so the next one due pops off the end. */
  private readonly timers: Timer[] = [];
  private readonly timerById = new Map<number, Timer>();
  private timerIdNext = 1;
  private stepping = false;

  constructor(options: ClockOptions) {
    assert(Number.isSafeInteger(options.startMs), 'clock start must be an integer ms');
    assert(isClockSpeed(options.speed), `unknown clock speed ${String(options.speed)}`);
    this.wall = options.wall ?? systemWall;
    this.timersMax = options.timersMax ?? 65_536;
    this.wallGapMaxMs = options.wallGapMaxMs ?? 1_000;
    assert(Number.isSafeInteger(this.timersMax) && this.timersMax > 0);
    assert(this.wallGapMaxMs > 0);
    this.timeMs = options.startMs;
    this.currentSpeed = options.speed;
    this.wallAnchorMs = this.wall.nowMs();
  }

  nowMs(): number {
    return this.timeMs;
  }

  nowIso(): string {
    return new Date(this.timeMs).toISOString();
  }

  get speed(): ClockSpeed {
    return this.currentSpeed;
  }

  /**
   * Changes speed without a jump: time elapsed at the old speed is counted first, and the new speed
   * counts wall time from now on (so time spent paused or at 'max' adds nothing).
   */
  setSpeed(speed: ClockSpeed): void {
    assert(isClockSpeed(speed), `unknown clock speed ${String(speed)}`);
    if (speed === this.currentSpeed) return;
    if (this.currentSpeed !== 'max') this.tick(0);
    this.currentSpeed = speed;
    this.wallAnchorMs = this.wall.nowMs();
  }

  /**
   * Starts an engine tick: advances simulated time, fires the timers it passes and returns the
   * simulated ms the tick covers. Scaled speeds take that from wall time; at 'max' it is `workMs`,
   * the simulated time the work the engine is about to do this tick stands for; paused, it is 0.
   */
  tick(workMs: number): number {
    const elapsedMs = this.currentSpeed === 'max' ? workMs : this.elapsedScaledMs(this.currentSpeed);
    if (!Number.isSafeInteger(elapsedMs) || elapsedMs < 0) assert.fail(`tick step must be a whole ms >= 0, got ${elapsedMs}`);
    this.stepTo(this.timeMs + elapsedMs);
    return elapsedMs;
  }

  /** Steps a paused clock by hand; an error while it runs, when stepping would race the wall. */
  advance(ms: number): void {
    if (this.currentSpeed !== 0) {
      throw new Error(`the simulation runs at speed ${this.currentSpeed}: pause it before advancing by hand`);
    }
    if (!Number.isSafeInteger(ms) || ms < 0) assert.fail(`advance takes a whole ms >= 0, got ${ms}`);
    this.stepTo(this.timeMs + ms);
  }

  /** Calls `callback` once simulated time reaches `atMs`; equal times fire in scheduling order. */
  schedule(atMs: number, callback: () => void): number {
    assert(Number.isSafeInteger(atMs), 'timer due time must be an integer ms');
    if (atMs < this.timeMs) assert.fail(`timer due at ${atMs} is before now (${this.timeMs})`);
    if (this.timerById.size >= this.timersMax) {
      throw new Error(`clock timer queue is full (${this.timersMax} pending timers)`);
    }
    const timer: Timer = { id: this.timerIdNext, atMs, callback };
    this.timerIdNext += 1;
    // Latest first; a new timer goes before (so fires after) every timer due at the same time.
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.timers[middle]!.atMs > atMs) low = middle + 1;
      else high = middle;
    }
    this.timers.splice(low, 0, timer);
    this.timerById.set(timer.id, timer);
    return timer.id;
  }

  /** Cancels a pending timer; false when it already fired or was cancelled. */
  cancel(id: number): boolean {
    const timer = this.timerById.get(id);
    if (timer === undefined) return false;
    const index = this.timers.lastIndexOf(timer);
    assert(index >= 0);
    this.timers.splice(index, 1);
    this.timerById.delete(id);
    return true;
  }

  /** When the next pending timer is due, or null (at 'max', an idle engine may jump there). */
  nextTimerMs(): number | null {
    return this.timers.at(-1)?.atMs ?? null;
  }

  timerCount(): number {
    return this.timerById.size;
  }

  private elapsedScaledMs(speed: ScaledSpeed): number {
    const wallNowMs = this.wall.nowMs();
    // A wall source that went backwards or stalled too long moves the anchor instead of time.
    this.wallAnchorMs = Math.min(Math.max(this.wallAnchorMs, wallNowMs - this.wallGapMaxMs), wallNowMs);
    if (speed === 0) return 0;
    const elapsedMs = Math.floor(elapsedSince(this.wallAnchorMs, wallNowMs, speed));
    // Only the wall time turned into whole simulated ms is used up; the rest carries over.
    this.wallAnchorMs += elapsedMs / speed;
    return elapsedMs;
  }

  private stepTo(targetMs: number): void {
    assert(!this.stepping, 'a timer callback must not step the clock');
    assert(targetMs >= this.timeMs);
    this.stepping = true;
    try {
      for (let fires = 0; ; fires += 1) {
        assert(fires <= TIMER_FIRES_PER_STEP_MAX, 'timers keep rescheduling within one step');
        const timer = this.timers.at(-1);
        if (timer === undefined || timer.atMs > targetMs) break;
        this.timers.pop();
        this.timerById.delete(timer.id);
        assert(timer.atMs >= this.timeMs);
        this.timeMs = timer.atMs;
        timer.callback();
      }
      this.timeMs = targetMs;
    } finally {
      this.stepping = false;
    }
  }
}
