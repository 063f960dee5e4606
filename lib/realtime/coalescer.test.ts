import { describe, expect, it } from 'vitest';
import { Coalescer, type Batch, type Scheduler } from './coalescer';

/** A hand-driven clock: timers fire only when the test advances time past them. */
class FakeScheduler implements Scheduler {
  private time = 1_000;
  private nextHandle = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, delayMs: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + delayMs, callback });
    return handle;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}

function setup(progressIntervalMs?: number) {
  const scheduler = new FakeScheduler();
  const batches: { at: number; batch: Batch }[] = [];
  const coalescer = new Coalescer({
    intervalMs: 100,
    ...(progressIntervalMs === undefined ? {} : { progressIntervalMs }),
    scheduler,
    flush: (batch) => batches.push({ at: scheduler.now(), batch }),
  });
  return { scheduler, batches, coalescer };
}

describe('Coalescer', () => {
  it('sends one entry for many updates to one copy within the interval', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    scheduler.advance(0); // leading edge: the first change goes out at once
    for (let i = 0; i < 50; i += 1) {
      coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
      scheduler.advance(1);
    }
    scheduler.advance(100);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.batch.changes).toEqual([{ kind: 'copy', id: 'c1', arrayId: 'a1', removed: false }]);
  });

  it('never flushes more often than once per interval under a constant stream', () => {
    const { scheduler, batches, coalescer } = setup();
    for (let i = 0; i < 1_000; i += 1) {
      coalescer.note({ kind: 'copy', id: `c${i % 7}`, arrayId: 'a1' });
      scheduler.advance(1);
    }
    scheduler.advance(200);
    const gaps = batches.slice(1).map((b, i) => b.at - (batches[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(batches.length).toBeGreaterThanOrEqual(10);
    expect(batches.length).toBeLessThanOrEqual(11);
  });

  it('batches different objects together', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    coalescer.note({ kind: 'volume', id: 'v1', arrayId: 'a1' });
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a2' });
    coalescer.note({ kind: 'array', id: 'a1', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.batch.changes.map((c) => `${c.kind}:${c.id}`)).toEqual(['copy:c1', 'volume:v1', 'copy:c2', 'array:a1']);
  });

  it('keeps objects of different kinds with the same id apart', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'x', arrayId: 'a1' });
    coalescer.note({ kind: 'volume', id: 'x', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches[0]?.batch.changes).toHaveLength(2);
  });

  it('pushes nothing when nothing changed', () => {
    const { scheduler, batches, coalescer } = setup();
    scheduler.advance(10_000);
    coalescer.flushNow();
    expect(batches).toHaveLength(0);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    scheduler.advance(10_000);
    expect(batches).toHaveLength(1);
  });

  it('lets a removal win over a pending update, whichever came first', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', removed: true });
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1', removed: true });
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches[0]?.batch.changes).toEqual([
      { kind: 'copy', id: 'c1', arrayId: 'a1', removed: true },
      { kind: 'copy', id: 'c2', arrayId: 'a1', removed: true },
    ]);
  });

  it('sends a change after a quiet spell without waiting a full interval', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    scheduler.advance(0);
    scheduler.advance(5_000);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches).toHaveLength(2);
  });

  it('drops pending changes and ignores new ones once stopped', () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    coalescer.stop();
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1' });
    scheduler.advance(1_000);
    expect(batches).toHaveLength(0);
  });

  it('sends progress alone at most once per progress interval per object, other changes at once', () => {
    const { scheduler, batches, coalescer } = setup(1_000);
    const progress = (id: string) => coalescer.note({ kind: 'copy', id, arrayId: 'a1', progressOnly: true });
    progress('c1');
    scheduler.advance(0); // never sent before: goes out at once
    expect(batches).toHaveLength(1);
    for (let t = 0; t < 2_000; t += 50) {
      progress('c1');
      scheduler.advance(50);
    }
    // At 1 000 and 2 000 ms after the first: one batch per second, not one per 100 ms.
    expect(batches.map((b) => b.at - (batches[0]?.at ?? 0))).toEqual([0, 1_000, 2_000]);
    expect(batches[1]?.batch.changes).toEqual([{ kind: 'copy', id: 'c1', arrayId: 'a1', removed: false }]);

    // A state change to the same copy does not wait for the progress interval.
    progress('c1');
    scheduler.advance(200);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches).toHaveLength(4);
    expect(batches[3]?.at).toBe((batches[2]?.at ?? 0) + 200);
  });

  it('lets a held progress note wait while other objects go out, then sends it on time', () => {
    const { scheduler, batches, coalescer } = setup(1_000);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    scheduler.advance(0);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1' });
    scheduler.advance(100);
    expect(batches.map((b) => b.batch.changes.map((c) => c.id))).toEqual([['c1'], ['c2']]);
    scheduler.advance(2_000);
    expect(batches.map((b) => b.batch.changes.map((c) => c.id))).toEqual([['c1'], ['c2'], ['c1']]);
    expect(batches[2]?.at).toBe((batches[0]?.at ?? 0) + 1_000);
  });

  it('sends a removal at once even when progress about the object is being held', () => {
    const { scheduler, batches, coalescer } = setup(1_000);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    scheduler.advance(0);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    scheduler.advance(300);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', removed: true });
    scheduler.advance(0);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.batch.changes).toEqual([{ kind: 'copy', id: 'c1', arrayId: 'a1', removed: true }]);
  });

  it('sends other changes in a batch ahead of progress that is due at the same moment', () => {
    const { scheduler, batches, coalescer } = setup(1_000);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1', progressOnly: true });
    coalescer.note({ kind: 'copy', id: 'c3', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches.map((b) => b.batch.changes.map((c) => c.id))).toEqual([['c3'], ['c1', 'c2']]);
    expect(batches[0]?.at).toBe(batches[1]?.at);
  });

  it('spreads many objects whose progress is due together over several batches, oldest first', () => {
    const scheduler = new FakeScheduler();
    const batches: { at: number; batch: Batch }[] = [];
    const coalescer = new Coalescer({
      intervalMs: 100,
      progressIntervalMs: 1_000,
      progressBatchMax: 2,
      scheduler,
      flush: (batch) => batches.push({ at: scheduler.now(), batch }),
    });
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) coalescer.note({ kind: 'copy', id, arrayId: 'a1', progressOnly: true });
    scheduler.advance(0);
    scheduler.advance(300);
    expect(batches.map((b) => b.batch.changes.map((c) => c.id))).toEqual([['c1', 'c2'], ['c3', 'c4'], ['c5']]);
    expect(batches.map((b) => b.at - batches[0]!.at)).toEqual([0, 100, 200]);
    // A state change is not held behind progress waiting for its turn.
    for (const id of ['c1', 'c2', 'c3']) coalescer.note({ kind: 'copy', id, arrayId: 'a1', progressOnly: true });
    coalescer.note({ kind: 'copy', id: 'c5', arrayId: 'a1' });
    scheduler.advance(100);
    expect(batches.at(-1)?.batch.changes.map((c) => c.id)).toEqual(['c5']);
  });

  it('sends a state change at once, not on the beat of the progress batches going out meanwhile', () => {
    const { scheduler, batches, coalescer } = setup(500);
    coalescer.note({ kind: 'copy', id: 'c1', arrayId: 'a1', progressOnly: true });
    scheduler.advance(0);
    scheduler.advance(30);
    coalescer.note({ kind: 'copy', id: 'c2', arrayId: 'a1' });
    scheduler.advance(0);
    expect(batches.map((b) => ({ ids: b.batch.changes.map((c) => c.id), progress: b.batch.progress, after: b.at - batches[0]!.at }))).toEqual([
      { ids: ['c1'], progress: true, after: 0 },
      { ids: ['c2'], progress: false, after: 30 },
    ]);
    // Other changes keep their own beat: the next one waits out the interval.
    coalescer.note({ kind: 'copy', id: 'c3', arrayId: 'a1' });
    scheduler.advance(99);
    expect(batches).toHaveLength(2);
    scheduler.advance(1);
    expect(batches.at(-1)?.batch.changes.map((c) => c.id)).toEqual(['c3']);
  });

  it('keeps progress batches on their own, longer beat while other changes go out on the short one', () => {
    const scheduler = new FakeScheduler();
    const batches: { at: number; batch: Batch }[] = [];
    const coalescer = new Coalescer({
      intervalMs: 25,
      progressBeatMs: 100,
      scheduler,
      flush: (batch) => batches.push({ at: scheduler.now(), batch }),
    });
    // Every 10 ms: progress of some copy, and every 30 ms a state change of another.
    for (let t = 0; t < 200; t += 10) {
      coalescer.note({ kind: 'copy', id: `p${t}`, arrayId: 'a1', progressOnly: true });
      if (t % 30 === 0) coalescer.note({ kind: 'copy', id: `s${t}`, arrayId: 'a1' });
      scheduler.advance(10);
    }
    const beats = (progress: boolean) => batches.filter((b) => b.batch.progress === progress).map((b, i, all) => (i === 0 ? 0 : b.at - all[i - 1]!.at));
    expect(Math.min(...beats(true).slice(1))).toBeGreaterThanOrEqual(100);
    expect(Math.min(...beats(false).slice(1))).toBeGreaterThanOrEqual(25);
    // Each state change went out within one short beat of being noted.
    for (const { at, batch } of batches.filter((b) => !b.batch.progress))
      for (const change of batch.changes) expect(at - 1_000 - Number(change.id.slice(1))).toBeLessThanOrEqual(25);
  });
});
