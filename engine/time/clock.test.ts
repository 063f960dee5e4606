import { describe, expect, it } from 'vitest';
import { Prng } from '../data/prng';
import { CLOCK_SPEEDS, Clock, elapsedSince, isClockSpeed, type ClockSpeed, type ScaledSpeed } from './clock';

const START_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

class FakeWall {
  timeMs = 5_000;
  nowMs(): number {
    return this.timeMs;
  }
}

function clockAt(speed: ClockSpeed, options: { timersMax?: number; wallGapMaxMs?: number } = {}) {
  const wall = new FakeWall();
  const clock = new Clock({ startMs: START_MS, speed, wall, ...options });
  return { wall, clock };
}

describe('Clock speeds', () => {
  it('starts at its start time and shows it as an ISO date', () => {
    const { clock } = clockAt(0);
    expect(clock.nowMs()).toBe(START_MS);
    expect(clock.nowIso()).toBe('2025-01-01T00:00:00.000Z');
    clock.advance(1_500);
    expect(clock.nowIso()).toBe('2025-01-01T00:00:01.500Z');
  });

  it('scales wall time by 1, 10, 100 and 1000', () => {
    for (const speed of [1, 10, 100, 1000] as const) {
      const { wall, clock } = clockAt(speed);
      wall.timeMs += 250;
      expect(clock.tick(0)).toBe(250 * speed);
      expect(clock.nowMs()).toBe(START_MS + 250 * speed);
    }
  });

  it('keeps whole ms without drift when wall time moves in fractions', () => {
    const { wall, clock } = clockAt(10);
    let totalMs = 0;
    for (let index = 0; index < 1_000; index += 1) {
      wall.timeMs += 0.35;
      const elapsedMs = clock.tick(0);
      expect(Number.isInteger(elapsedMs)).toBe(true);
      totalMs += elapsedMs;
    }
    expect(totalMs).toBeGreaterThanOrEqual(3_499);
    expect(totalMs).toBeLessThanOrEqual(3_500);
    expect(clock.nowMs()).toBe(START_MS + totalMs);
  });

  it('stands still while paused and steps only by hand', () => {
    const { wall, clock } = clockAt(0);
    wall.timeMs += 60_000;
    expect(clock.tick(0)).toBe(0);
    expect(clock.nowMs()).toBe(START_MS);
    clock.advance(500);
    clock.advance(0);
    expect(clock.nowMs()).toBe(START_MS + 500);
  });

  it('refuses manual stepping while running, leaving time unchanged', () => {
    for (const speed of [1, 1000, 'max'] as const) {
      const { clock } = clockAt(speed);
      expect(() => clock.advance(10)).toThrow(/pause it before advancing/);
      expect(clock.nowMs()).toBe(START_MS);
    }
  });

  it('at max advances by the work of each tick, whatever the wall does', () => {
    const { wall, clock } = clockAt('max');
    wall.timeMs += 10_000;
    expect(clock.tick(0)).toBe(0);
    expect(clock.tick(7_000)).toBe(7_000);
    wall.timeMs -= 3;
    expect(clock.tick(1)).toBe(1);
    expect(clock.nowMs()).toBe(START_MS + 7_001);
    expect(() => clock.tick(-1)).toThrow();
    expect(() => clock.tick(0.5)).toThrow();
  });

  it('never goes backwards when the wall does, nor leaps over a long stall', () => {
    const { wall, clock } = clockAt(100, { wallGapMaxMs: 200 });
    wall.timeMs -= 1_000;
    expect(clock.tick(0)).toBe(0);
    wall.timeMs += 10;
    expect(clock.tick(0)).toBe(1_000);
    wall.timeMs += 3_600_000;
    expect(clock.tick(0)).toBe(200 * 100);
  });

  it('changes speed without jumping back or leaping', () => {
    const { wall, clock } = clockAt(1);
    wall.timeMs += 100;
    clock.setSpeed(1000);
    expect(clock.nowMs()).toBe(START_MS + 100);
    wall.timeMs += 10;
    clock.setSpeed(0);
    expect(clock.nowMs()).toBe(START_MS + 10_100);
    wall.timeMs += 1_000_000;
    clock.setSpeed(1);
    expect(clock.nowMs()).toBe(START_MS + 10_100);
    wall.timeMs += 5;
    clock.setSpeed('max');
    expect(clock.nowMs()).toBe(START_MS + 10_105);
    wall.timeMs += 900;
    clock.setSpeed(10);
    expect(clock.nowMs()).toBe(START_MS + 10_105);
    wall.timeMs += 1;
    expect(clock.tick(0)).toBe(10);
    expect(clock.speed).toBe(10);
  });

  it('over seeded random ticks and speed changes, time is wall time × speed per segment plus max work', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const prng = new Prng(seed);
      const { wall, clock } = clockAt(1, { wallGapMaxMs: 1e9 });
      let expectedMs = START_MS;
      let modelAnchorMs = wall.timeMs;
      for (let step = 0; step < 200; step += 1) {
        const previousMs = clock.nowMs();
        const speed = clock.speed;
        wall.timeMs += prng.int(50);
        const accrue = () => {
          if (speed !== 'max') expectedMs += (wall.timeMs - modelAnchorMs) * speed;
          modelAnchorMs = wall.timeMs;
        };
        if (prng.chance(0.3)) {
          const next = prng.pick(CLOCK_SPEEDS);
          if (next !== speed) accrue();
          clock.setSpeed(next);
        } else {
          const workMs = prng.int(1_000);
          if (speed === 'max') expectedMs += workMs;
          else accrue();
          clock.tick(workMs);
        }
        expect(clock.nowMs()).toBeGreaterThanOrEqual(previousMs);
        expect(clock.nowMs()).toBe(expectedMs);
      }
    }
  });

  it('computes elapsed simulated time from wall times and validates speeds', () => {
    expect(elapsedSince(100, 350, 10 satisfies ScaledSpeed)).toBe(2_500);
    expect(elapsedSince(350, 100, 1)).toBe(0);
    expect(elapsedSince(0, 1_000, 0)).toBe(0);
    expect(isClockSpeed(100)).toBe(true);
    expect(isClockSpeed('max')).toBe(true);
    expect(isClockSpeed(2)).toBe(false);
    expect(isClockSpeed('1')).toBe(false);
    const { clock } = clockAt(1);
    expect(() => clock.setSpeed(5 as ClockSpeed)).toThrow(/unknown clock speed/);
  });
});

describe('Clock timers', () => {
  it('fires due timers in time order, then scheduling order, each at its own time', () => {
    const { clock } = clockAt(0);
    const fired: string[] = [];
    const note = (name: string) => () => fired.push(`${name}@${clock.nowMs() - START_MS}`);
    clock.schedule(START_MS + 300, note('c'));
    clock.schedule(START_MS + 100, note('a'));
    clock.schedule(START_MS + 300, note('d'));
    clock.schedule(START_MS + 200, note('b'));
    clock.schedule(START_MS + 301, note('late'));
    clock.advance(300);
    expect(fired).toEqual(['a@100', 'b@200', 'c@300', 'd@300']);
    expect(clock.nowMs()).toBe(START_MS + 300);
    expect(clock.timerCount()).toBe(1);
    expect(clock.nextTimerMs()).toBe(START_MS + 301);
  });

  it('fires timers passed by a scaled tick and by a max tick', () => {
    const { wall, clock } = clockAt(100);
    let firedAtMs = 0;
    clock.schedule(START_MS + 5_000, () => (firedAtMs = clock.nowMs()));
    wall.timeMs += 49;
    clock.tick(0);
    expect(firedAtMs).toBe(0);
    wall.timeMs += 1;
    clock.tick(0);
    expect(firedAtMs).toBe(START_MS + 5_000);
    clock.setSpeed('max');
    clock.schedule(clock.nowMs() + 10, () => (firedAtMs = clock.nowMs()));
    clock.tick(20);
    expect(firedAtMs).toBe(START_MS + 5_010);
  });

  it('cancels pending timers only', () => {
    const { clock } = clockAt(0);
    let fires = 0;
    const kept = clock.schedule(START_MS + 10, () => (fires += 1));
    const dropped = clock.schedule(START_MS + 10, () => (fires += 100));
    expect(clock.cancel(dropped)).toBe(true);
    expect(clock.cancel(dropped)).toBe(false);
    clock.advance(10);
    expect(fires).toBe(1);
    expect(clock.cancel(kept)).toBe(false);
    expect(clock.timerCount()).toBe(0);
    expect(clock.nextTimerMs()).toBeNull();
  });

  it('fires timers scheduled by callbacks when they fall within the same step', () => {
    const { clock } = clockAt(0);
    const firedAtMs: number[] = [];
    const every100 = () => {
      firedAtMs.push(clock.nowMs() - START_MS);
      clock.schedule(clock.nowMs() + 100, every100);
    };
    clock.schedule(START_MS + 100, every100);
    clock.advance(450);
    expect(firedAtMs).toEqual([100, 200, 300, 400]);
    expect(clock.nextTimerMs()).toBe(START_MS + 500);
  });

  it('rejects timers in the past, a full queue and stepping from inside a callback', () => {
    const { clock } = clockAt(0, { timersMax: 2 });
    clock.advance(100);
    expect(() => clock.schedule(START_MS + 99, () => {})).toThrow(/before now/);
    clock.schedule(START_MS + 200, () => clock.advance(1));
    clock.schedule(START_MS + 300, () => {});
    expect(() => clock.schedule(START_MS + 400, () => {})).toThrow(/queue is full \(2 pending/);
    expect(() => clock.advance(100)).toThrow(/must not step the clock/);
    expect(clock.nowMs()).toBe(START_MS + 200);
    clock.advance(100);
    expect(clock.nowMs()).toBe(START_MS + 300);
    expect(clock.timerCount()).toBe(0);
  });
});
