// The event log tail's two reads (event-tail.ts) in hand-written SQL, the same on SQLite and
// PostgreSQL. Prisma 6 compiles every model query afresh, on the event loop; these two run four
// times a second on every node while anyone listens, and their compiling cost more than the reads
// (a few percent of a core with nothing else happening; more with the 200 ids the late read may
// name). Rows come back as the model query's would: the adapters turn DateTime and Json columns of a
// raw result into Dates and values on both databases (event-reads.test.ts holds them to it).
import { Prisma, type Event } from '../db/generated/client';
import type { Db } from '../db/client';
import type { TailKey } from './event-tail';

const COLUMNS = Prisma.sql`"id", "time", "simulatedTime", "kind", "subjectType", "subjectId", "arrayId", "actor", "details"`;

/** Rows after `after` in (time, id) order, oldest first, at most `limit`. */
export function eventsAfter(db: Db, after: TailKey, limit: number): Promise<Event[]> {
  const time = new Date(after.timeMs);
  return db.$queryRaw<Event[]>`
    SELECT ${COLUMNS} FROM "Event"
    WHERE "time" > ${time} OR ("time" = ${time} AND "id" > ${after.id})
    ORDER BY "time" ASC, "id" ASC
    LIMIT ${limit}`;
}

/** Rows with sinceMs ≤ time ≤ untilMs whose ids are not in `excludeIds`, oldest first, at most `limit`. */
export function lateEvents(db: Db, sinceMs: number, untilMs: number, excludeIds: readonly string[], limit: number): Promise<Event[]> {
  const excluded = excludeIds.length > 0 ? Prisma.sql`AND "id" NOT IN (${Prisma.join(excludeIds)})` : Prisma.empty;
  return db.$queryRaw<Event[]>`
    SELECT ${COLUMNS} FROM "Event"
    WHERE "time" >= ${new Date(sinceMs)} AND "time" <= ${new Date(untilMs)} ${excluded}
    ORDER BY "time" ASC, "id" ASC
    LIMIT ${limit}`;
}
