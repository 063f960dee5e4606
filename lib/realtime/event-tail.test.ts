import { describe, expect, it } from 'vitest';
import type { EventView } from '../services/dto';
import type { Scheduler } from './coalescer';
import { EventTail, LATE_READ_IDS_MAX, type TailKey } from './event-tail';

function event(id: string, timeMs: number): EventView {
  return {
    id,
    time: new Date(timeMs).toISOString(),
    simulatedTime: null,
    kind: 'audit',
    subjectType: 'request',
    subjectId: 'POST /api/volumes',
    arrayId: null,
    actor: 'alice',
    details: {},
  };
}

function harness(startMs: number, batchLimit?: number) {
  let nowMs = startMs;
  const table: EventView[] = [];
  const sent: string[][] = [];
  let listeners = true;
  const scheduler: Scheduler = { now: () => nowMs, setTimer: () => 1, clearTimer: () => undefined };
  // The table in the tail's order, (time, id), as the queries return it.
  const ordered = () => [...table].sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keyAfter = (row: EventView, after: TailKey) => Date.parse(row.time) > after.timeMs || (Date.parse(row.time) === after.timeMs && row.id > after.id);
  const tail = new EventTail({
    fetchAfter: (after, limit) =>
      Promise.resolve(
        ordered()
          .filter((row) => keyAfter(row, after))
          .slice(0, limit),
      ),
    fetchLate: (sinceMs, untilMs, excludeIds, limit) =>
      Promise.resolve(
        ordered()
          .filter((row) => Date.parse(row.time) >= sinceMs && Date.parse(row.time) <= untilMs && !excludeIds.includes(row.id))
          .slice(0, limit),
      ),
    emit: (events) => sent.push(events.map((e) => e.id)),
    hasListeners: () => listeners,
    scheduler,
    onError: (error) => {
      throw error;
    },
    lookbackMs: 5_000,
    batchLimit,
  });
  return {
    tail,
    table,
    sent,
    advance: (ms: number) => (nowMs += ms),
    setListeners: (value: boolean) => (listeners = value),
  };
}

describe('EventTail', () => {
  it('pushes each new row once, in time order, and nothing when nothing is new', async () => {
    const h = harness(1_000_000);
    h.table.push(event('old', 990_000));
    await h.tail.tick();
    expect(h.sent).toEqual([]);
    h.table.push(event('a', 1_000_100), event('b', 1_000_200));
    await h.tail.tick();
    await h.tail.tick();
    expect(h.sent).toEqual([['a', 'b']]);
  });

  it('finds a row stamped earlier that committed late, within the look-back window', async () => {
    const h = harness(1_000_000);
    h.table.push(event('first', 1_002_000));
    await h.tail.tick();
    h.table.push(event('late-commit', 1_000_500));
    await h.tail.tick();
    expect(h.sent).toEqual([['first'], ['late-commit']]);
  });

  it('keeps up when the look-back window holds more rows than one batch', async () => {
    const h = harness(1_000_000, 3);
    h.table.push(event('a', 1_000_100), event('b', 1_000_200), event('c', 1_000_300));
    await h.tail.tick();
    h.table.push(event('d', 1_000_400), event('e', 1_000_500));
    await h.tail.tick();
    expect(h.sent).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('moves on through a burst of rows stamped with one time, and looks back again once it is past', async () => {
    const h = harness(1_000_000, 100);
    // One save logging many state changes: one statement, one time.
    for (let index = 0; index < 3 * LATE_READ_IDS_MAX; index += 1) h.table.push(event(`burst-${String(index).padStart(4, '0')}`, 1_000_100));
    for (let tick = 0; tick < 6; tick += 1) await h.tail.tick();
    expect(h.sent.flat()).toHaveLength(3 * LATE_READ_IDS_MAX);
    expect(new Set(h.sent.flat()).size).toBe(3 * LATE_READ_IDS_MAX);
    // Past the look-back window, a late commit is found again.
    h.advance(10_000);
    h.table.push(event('after-burst', 1_010_000));
    await h.tail.tick();
    h.table.push(event('late-after-burst', 1_009_000));
    await h.tail.tick();
    expect(h.sent.slice(-2)).toEqual([['after-burst'], ['late-after-burst']]);
  });

  it('reads nothing while nobody listens, and starts from then when someone does', async () => {
    const h = harness(1_000_000);
    h.setListeners(false);
    h.table.push(event('unheard', 1_000_100));
    h.advance(60_000);
    await h.tail.tick();
    h.setListeners(true);
    h.table.push(event('heard', 1_060_100));
    await h.tail.tick();
    expect(h.sent).toEqual([['heard']]);
  });
});
