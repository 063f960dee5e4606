'use client';
import { useMemo } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { eventApiFilter, hasEventFilters, parseEventView, serializeEventView, type EventViewState } from '@/lib/client/event-url-state';
import { WINDOW_LABELS } from './event-filters';
import { useArrays } from '@/lib/client/use-arrays';
import { useEventActors, useEvents } from '@/lib/client/use-events';
import { useUrlState } from '@/lib/client/use-url-state';
import { EventFilters } from './event-filters';
import { EventsTable } from './events-table';

export const EVENT_PAGE_LIMIT = 200;
/** The kinds offered in the filter come from this much recent history. */
const KIND_SAMPLE_LIMIT = 1000;

function useKinds(): string[] {
  const sample = useEvents({ limit: KIND_SAMPLE_LIMIT });
  return useMemo(() => [...new Set((sample.data ?? []).map((event) => event.kind))].sort(), [sample.data]);
}

function describe(view: EventViewState): string {
  const parts = [
    view.window === '' ? '' : `in the last ${WINDOW_LABELS[view.window].toLowerCase().replace('last ', '')}`,
    view.category === 'audit' ? 'requests' : view.category === 'changes' ? 'storage changes' : '',
    view.actor === '' ? '' : `by ${view.actor}`,
    view.kind === '' ? '' : `of kind ${view.kind}`,
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export function EventsView() {
  const [view, update] = useUrlState(parseEventView, serializeEventView);
  const events = useEvents({ limit: EVENT_PAGE_LIMIT, ...eventApiFilter(view) });
  const actors = useEventActors();
  const arrays = useArrays();
  const kinds = useKinds();
  const count = events.data?.length ?? 0;
  const description = events.isPending
    ? 'Who did what, and what happened to the storage, newest first.'
    : `${count === EVENT_PAGE_LIMIT ? `Latest ${EVENT_PAGE_LIMIT}` : count.toLocaleString('en-US')} ${count === 1 ? 'event' : 'events'}${describe(view)}, newest first.`;

  return (
    <PageFrame>
      <PageHeader title="Events" description={<span aria-live="polite">{description}</span>} />
      <EventFilters view={view} update={update} actors={actors.data ?? []} kinds={kinds} arrays={arrays.data ?? []} />
      {events.isError ? (
        <ErrorState title="Could not load the events" error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Panel bodyClassName="overflow-x-auto">
          {events.isPending ? (
            <TableSkeleton label="Loading events" rows={10} columns={5} />
          ) : events.data.length === 0 ? (
            <EmptyState title="No events">{hasEventFilters(view) ? 'No events match these filters.' : 'Nothing has happened in the fleet yet.'}</EmptyState>
          ) : (
            <EventsTable events={events.data} label="Events" />
          )}
        </Panel>
      )}
    </PageFrame>
  );
}
