// The event log: every change to the storage is recorded with who made it.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { EventQuery } from '../api/fleet-schemas';
import type { Runtime } from '../runtime';
import type { z } from 'zod';
import { findRuntime } from '../runtime';
import { eventView, type EventView } from './dto';

type Tx = Prisma.TransactionClient | Db;

export interface NewEvent {
  kind: string;
  subjectType: string;
  subjectId: string;
  arrayId?: string | null;
  actor: string;
  details?: Prisma.InputJsonValue;
  /** The simulated clock when it happened; the engine's clock now when not given. */
  simulatedTime?: Date;
}

/**
 * What a refused request asked for is logged as sent, but PostgreSQL keeps no NUL in text or jsonb:
 * it is shown as U+FFFD (the replacement character) instead.
 */
function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\ufffd');
}

function detailsWithoutNul(value: Prisma.InputJsonValue): Prisma.InputJsonValue {
  if (typeof value === 'string') return withoutNul(value);
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : detailsWithoutNul(item as Prisma.InputJsonValue)));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        withoutNul(key),
        item === null || item === undefined ? item : detailsWithoutNul(item as Prisma.InputJsonValue),
      ]),
    ) as Prisma.InputJsonValue;
  }
  return value;
}

// Events are shown in simulated time (the clock copies run by); outside the server (seeding) there is none.
function simulatedNow(): Date | null {
  const runtime = findRuntime();
  return runtime === undefined ? null : new Date(runtime.engine.clock.nowMs());
}

/**
 * Adds one entry to the log. Not a service: it takes the transaction the change it records is
 * written in (the persister's, a service's), so the change and its entry commit together.
 */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<void> {
  await tx.event.create({ data: eventRow(event) });
}

/**
 * Adds entries to the log in one statement, in order: the persister's saves carry every state
 * change since the last one, and a compiled create per entry cost about 1.5 ms of CPU each (ten
 * thousand mappings starting at once, #16).
 */
export async function recordEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
  if (events.length > 0) await tx.event.createMany({ data: events.map(eventRow) });
}

function eventRow(event: NewEvent): Prisma.EventCreateManyInput {
  return {
    kind: event.kind,
    subjectType: event.subjectType,
    subjectId: withoutNul(event.subjectId),
    arrayId: event.arrayId ?? null,
    actor: withoutNul(event.actor),
    details: event.details === undefined ? {} : detailsWithoutNul(event.details),
    simulatedTime: event.simulatedTime ?? simulatedNow(),
  };
}

export type EventFilter = z.output<typeof EventQuery>;

function whereOf(query: EventFilter): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput = {};
  if (query.since !== undefined) where.time = { gt: new Date(query.since) };
  if (query.arrayId !== undefined) where.arrayId = query.arrayId;
  if (query.actor !== undefined) where.actor = query.actor;
  if (query.subjectId !== undefined) where.subjectId = query.subjectId;
  if (query.kind !== undefined) where.kind = query.kind;
  else if (query.category === 'audit') where.kind = 'audit';
  else if (query.category === 'changes') where.kind = { not: 'audit' };
  if (query.kind !== undefined && query.category === 'changes' && query.kind === 'audit') where.id = { in: [] };
  return where;
}

export async function listEvents(runtime: Runtime, query: EventFilter): Promise<EventView[]> {
  const rows = await runtime.db.event.findMany({ where: whereOf(query), orderBy: [{ time: 'desc' }, { id: 'desc' }], take: query.limit });
  return rows.map(eventView);
}

/** Everyone who appears in the log, for the Events page's user filter. */
export async function listActors(runtime: Runtime): Promise<string[]> {
  const rows = await runtime.db.event.findMany({ distinct: ['actor'], select: { actor: true }, orderBy: { actor: 'asc' } });
  return rows.map((row) => row.actor);
}
