// The event log: every change to the storage is recorded with who made it.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { EventQuery } from '../api/fleet-schemas';
import type { z } from 'zod';
import { eventView, type EventView } from './dto';

type Tx = Prisma.TransactionClient | Db;

export interface NewEvent {
  kind: string;
  subjectType: string;
  subjectId: string;
  arrayId?: string | null;
  actor: string;
  details?: Prisma.InputJsonValue;
}

export async function recordEvent(tx: Tx, event: NewEvent): Promise<void> {
  await tx.event.create({
    data: {
      kind: event.kind,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      arrayId: event.arrayId ?? null,
      actor: event.actor,
      details: event.details ?? {},
    },
  });
}

export async function listEvents(db: Db, query: z.output<typeof EventQuery>): Promise<EventView[]> {
  const where: Prisma.EventWhereInput = {};
  if (query.since !== undefined) where.time = { gt: new Date(query.since) };
  if (query.arrayId !== undefined) where.arrayId = query.arrayId;
  if (query.kind !== undefined) where.kind = query.kind;
  const rows = await db.event.findMany({ where, orderBy: [{ time: 'desc' }, { id: 'desc' }], take: query.limit });
  return rows.map(eventView);
}
