import { describe, expect, it } from 'vitest';
import type { EventView } from '../services/dto';
import type { Scheduler } from './coalescer';
import { EventTail } from './event-tail';

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
  const tail = new EventTail({
    fetchSince: (sinceMs, limit, excludeIds) =>
      Promise.resolve(
        table
          .filter((row) => Date.parse(row.time) >= sinceMs && !excludeIds.includes(row.id))
          .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
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
