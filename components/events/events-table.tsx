'use client';
// The event log as a table: when, what kind, who, about what (named, and linked while it exists)
// and, unless compact, the details.
import { useCallback } from 'react';
import type { FleetEvent } from '@/lib/client/types';
import { useExistingCopyIds } from '@/lib/client/use-copies';
import { AuditDetails, isAuditFacts } from './audit-details';
import { EventDetails } from './event-details';
import { EventKindBadge } from './event-kind-badge';
import { EventSubject } from './event-subject';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from '@/components/ui/card-table';
import { eventTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';

export function EventsTable({ events, compact = false, label }: { events: FleetEvent[]; compact?: boolean; label: string }) {
  const cell = compact ? 'px-3 py-1.5' : 'px-3 py-2';
  const copyIds = useExistingCopyIds();
  const copyExists = useCallback((copyId: string) => copyIds?.has(copyId) ?? true, [copyIds]);
  return (
    // Fixed layout from md: long subjects and details wrap inside their columns instead of widening
    // the table past the window. Below md each row is a card (cells stacked, labelled by data-label).
    <table className={`w-full border-collapse text-left md:table-fixed ${CARD_TABLE}`} aria-label={label}>
      <thead className={`bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
        <tr>
          <th scope="col" className={`${cell} w-40 border-b border-line font-medium`}>
            Time <span className="font-normal text-fg-subtle">(simulated)</span>
          </th>
          <th scope="col" className={`${cell} w-36 border-b border-line font-medium`}>
            Kind
          </th>
          <th scope="col" className={`${cell} w-28 border-b border-line font-medium`}>
            Actor
          </th>
          <th scope="col" className={`${cell} border-b border-line font-medium`}>
            Subject
          </th>
          {!compact && (
            <th scope="col" className={`${cell} border-b border-line font-medium`}>
              Details
            </th>
          )}
        </tr>
      </thead>
      <tbody className={CARD_BODY}>
        {events.map((event) => (
          <tr key={event.id} className={`border-b border-line align-middle last:border-b-0 hover:bg-surface-hover ${CARD_ROW}`}>
            <td data-label="Time" className={`${cell} ${CARD_CELL} font-mono text-xs whitespace-nowrap text-fg-muted`}>
              <ClockTime time={eventTime(event)} />
            </td>
            <td data-label="Kind" className={`${cell} ${CARD_CELL}`}>
              <EventKindBadge kind={event.kind} />
            </td>
            <td data-label="Actor" className={`${cell} ${CARD_CELL} truncate`} title={event.actor}>
              {event.actor}
            </td>
            <td data-label="Subject" className={`${cell} ${CARD_CELL} [overflow-wrap:anywhere]`}>
              <EventSubject event={event} copyExists={copyExists} />
            </td>
            {!compact && (
              <td data-label="Details" className={`${cell} ${CARD_CELL} text-xs [overflow-wrap:anywhere]`}>
                {event.kind === 'audit' && isAuditFacts(event.details) ? <AuditDetails facts={event.details} /> : <EventDetails details={event.details} />}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
