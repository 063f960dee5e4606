// Wires the event log's tail (event-tail.ts) to the inventory and to socket.io rooms:
// `fleet` hears every event, `array:<id>` the events of its array (`events.created`,
// docs/api.md#live-updates).
import type { Server } from 'socket.io';
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { eventView, type EventView } from '../services/dto';
import { realScheduler } from './coalescer';
import { eventsAfter, lateEvents } from './event-reads';
import { EventTail } from './event-tail';

export const EVENTS_CREATED = 'events.created';

export function startEventFeed(io: Server, db: Db, log: Logger): EventTail {
  const tail = new EventTail({
    // Hand-written reads: Prisma would compile each model query afresh, four times a second.
    fetchAfter: async (after, limit) => (await eventsAfter(db, after, limit)).map(eventView),
    fetchLate: async (sinceMs, untilMs, excludeIds, limit) => (await lateEvents(db, sinceMs, untilMs, excludeIds, limit)).map(eventView),
    // Local: every node tails the inventory itself, so a cluster-wide emit would repeat each event.
    emit: (events) => {
      io.local.to('fleet').emit(EVENTS_CREATED, events);
      const byArray = new Map<string, EventView[]>();
      for (const event of events) if (event.arrayId !== null) byArray.set(event.arrayId, [...(byArray.get(event.arrayId) ?? []), event]);
      for (const [arrayId, list] of byArray) io.local.to(`array:${arrayId}`).except('fleet').emit(EVENTS_CREATED, list);
    },
    hasListeners: () => io.engine.clientsCount > 0,
    scheduler: realScheduler,
    onError: (error) => log.warn({ err: error }, 'reading new events for the live tail failed; retrying'),
  });
  tail.start();
  return tail;
}
