'use client';
import { useMemo } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { TableSkeleton } from '@/components/ui/skeleton';
import { parseEventView, serializeEventView } from '@/lib/client/event-url-state';
import { useEvents } from '@/lib/client/use-events';
import { useUrlState } from '@/lib/client/use-url-state';
import { EventsTable } from './events-table';

export const EVENT_PAGE_LIMIT = 200;
/** The kinds offered in the filter come from this much recent history. */
const KIND_SAMPLE_LIMIT = 1000;
const ALL = '*';

function useKindOptions(selected: string) {
  const sample = useEvents({ limit: KIND_SAMPLE_LIMIT });
  return useMemo(() => {
    const kinds = new Set((sample.data ?? []).map((event) => event.kind));
    if (selected !== '') kinds.add(selected);
    return [{ value: ALL, label: 'All kinds' }, ...[...kinds].sort().map((kind) => ({ value: kind, label: kind }))];
  }, [sample.data, selected]);
}

export function EventsView() {
  const [view, update] = useUrlState(parseEventView, serializeEventView);
  const events = useEvents({ limit: EVENT_PAGE_LIMIT, ...(view.kind === '' ? {} : { kind: view.kind }) });
  const kindOptions = useKindOptions(view.kind);
  const count = events.data?.length ?? 0;
  const description = events.isPending
    ? 'The audit and state-change log, newest first.'
    : `${count === EVENT_PAGE_LIMIT ? `Latest ${EVENT_PAGE_LIMIT}` : count.toLocaleString('en-US')} ${count === 1 ? 'event' : 'events'}${view.kind === '' ? '' : ` of kind ${view.kind}`}, newest first.`;

  return (
    <PageFrame>
      <PageHeader
        title="Events"
        description={<span aria-live="polite">{description}</span>}
        actions={
          <div className="flex items-center gap-1.5">
            <label htmlFor="event-kind" className="text-xs text-fg-muted">
              Kind
            </label>
            <Select id="event-kind" value={view.kind === '' ? ALL : view.kind} onValueChange={(kind) => update(() => ({ kind: kind === ALL ? '' : kind }))} options={kindOptions} className="w-52" />
          </div>
        }
      />
      {events.isError ? (
        <ErrorState title="Could not load the events" error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Panel bodyClassName="overflow-x-auto">
          {events.isPending ? (
            <TableSkeleton label="Loading events" rows={10} columns={5} />
          ) : events.data.length === 0 ? (
            <EmptyState title="No events">{view.kind === '' ? 'Nothing has happened in the fleet yet.' : `No events of kind ${view.kind}.`}</EmptyState>
          ) : (
            <EventsTable events={events.data} label="Events" />
          )}
        </Panel>
      )}
    </PageFrame>
  );
}
