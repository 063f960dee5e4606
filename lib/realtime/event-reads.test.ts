// The event tail's hand-written reads (event-reads.ts) against the Prisma model queries they
// replace, on SQLite and on an embedded PostgreSQL: the same rows, in the same order, with the same
// fields, for rows sharing a millisecond, a late window with ids left out, and details of several
// JSON shapes (a bare string and a number among them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases, TEST_DIALECTS } from '../../tests/support/both-databases';
import { openDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { eventsAfter, lateEvents } from './event-reads';

const urls = bothDatabases('event-reads');
const BASE_MS = Date.UTC(2026, 11, 5, 12, 0, 0);

describe.each(TEST_DIALECTS)('event tail reads on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    await applyMigrations(urls[dialect]);
    db = openDb(urls[dialect]);
    // Three rows in one millisecond (ids decide), others a few ms apart; details of several shapes.
    const times = [0, 0, 0, 1, 5, 5, 9, 250];
    const details = [{}, { from: 'idle', to: 'copying' }, { n: 3, list: [1, 'a', null] }, { nested: { deep: true } }, 'just text', { text: 'é ✓' }, 42, {}];
    await db.event.createMany({
      data: times.map((offsetMs, i) => ({
        id: `ev${String(i).padStart(2, '0')}`,
        time: new Date(BASE_MS + offsetMs),
        simulatedTime: i % 2 === 0 ? new Date(BASE_MS + 1000 * i) : null,
        kind: 'copy.state-changed',
        subjectType: 'copy',
        subjectId: `c${i}`,
        arrayId: i % 3 === 0 ? null : 'a1',
        actor: 'system',
        details: details[i]!,
      })),
    });
  }, 120_000);
  afterAll(() => db.$disconnect());

  it('reads the rows after a (time, id) key as the model query does', async () => {
    for (const [offsetMs, id, limit] of [
      [-1, '', 500],
      [0, 'ev00', 500],
      [0, 'ev02', 500],
      [5, '', 2],
      [250, 'ev07', 500],
    ] as const) {
      const time = new Date(BASE_MS + offsetMs);
      const expected = await db.event.findMany({
        where: { OR: [{ time: { gt: time } }, { time, id: { gt: id } }] },
        orderBy: [{ time: 'asc' }, { id: 'asc' }],
        take: limit,
      });
      const got = await eventsAfter(db, { timeMs: BASE_MS + offsetMs, id }, limit);
      expect(got).toEqual(expected);
    }
    expect((await eventsAfter(db, { timeMs: BASE_MS, id: 'ev00' }, 500)).map((row) => row.id)).toEqual([
      'ev01',
      'ev02',
      'ev03',
      'ev04',
      'ev05',
      'ev06',
      'ev07',
    ]);
  });

  it('reads a late window, leaving out the ids named, as the model query does', async () => {
    for (const [sinceMs, untilMs, excludeIds] of [
      [0, 9, []],
      [0, 5, ['ev00', 'ev04']],
      [1, 250, ['ev03', 'ev05', 'ev06', 'ev07']],
      [0, 250, Array.from({ length: 200 }, (_, i) => `ev${String(i).padStart(2, '0')}`)],
    ] as const) {
      const where = {
        time: { gte: new Date(BASE_MS + sinceMs), lte: new Date(BASE_MS + untilMs) },
        ...(excludeIds.length > 0 ? { id: { notIn: [...excludeIds] } } : {}),
      };
      const expected = await db.event.findMany({ where, orderBy: [{ time: 'asc' }, { id: 'asc' }], take: 500 });
      expect(await lateEvents(db, BASE_MS + sinceMs, BASE_MS + untilMs, excludeIds, 500)).toEqual(expected);
    }
    expect((await lateEvents(db, BASE_MS, BASE_MS + 5, ['ev01'], 500)).map((row) => row.id)).toEqual(['ev00', 'ev02', 'ev03', 'ev04', 'ev05']);
  });
});
