'use client';
// The Events page's filter bar: what kind of entry (requests or storage changes), who, which kind,
// which array — and a CSV download of exactly this slice for the auditors.
import { buttonClasses } from '@/components/ui/button';
import { Button } from '@/components/ui/button';
import { FILTER_ALL as ALL, FilterSelect } from '@/components/ui/filter-select';
import type { SelectOption } from '@/components/ui/select';
import type { MouseEvent } from 'react';
import {
  DEFAULT_EVENT_VIEW,
  eventApiFilter,
  EVENT_WINDOWS,
  hasEventFilters,
  sinceOf,
  type EventViewState,
  type EventWindow,
} from '@/lib/client/event-url-state';
import { apiPath } from '@/lib/client/fetch-json';
import type { StorageArray } from '@/lib/client/types';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';

const CATEGORY_OPTIONS: SelectOption[] = [
  { value: ALL, label: 'Requests and changes' },
  { value: 'audit', label: 'Requests (audit)' },
  { value: 'changes', label: 'Storage changes' },
];

export const WINDOW_LABELS: Record<EventWindow, string> = { '15m': 'Last 15 minutes', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' };
const WINDOW_OPTIONS: SelectOption[] = [
  { value: ALL, label: 'Any time' },
  ...(Object.keys(EVENT_WINDOWS) as EventWindow[]).map((window) => ({ value: window, label: WINDOW_LABELS[window] })),
];

function isWindow(value: string): value is EventWindow {
  return Object.hasOwn(EVENT_WINDOWS, value);
}

/** Keeps the current choice selectable even when the sample it came from no longer lists it. */
function withChoice(values: string[], chosen: string): string[] {
  return chosen === '' || values.includes(chosen) ? values : [...values, chosen].sort();
}

export function EventFilters({
  view,
  update,
  actors,
  kinds,
  arrays,
}: {
  view: EventViewState;
  update: UrlStateUpdate<EventViewState>;
  actors: string[];
  kinds: string[];
  arrays: StorageArray[];
}) {
  const actorOptions: SelectOption[] = [{ value: ALL, label: 'Everyone' }, ...withChoice(actors, view.actor).map((actor) => ({ value: actor, label: actor }))];
  const kindOptions: SelectOption[] = [{ value: ALL, label: 'All kinds' }, ...withChoice(kinds, view.kind).map((kind) => ({ value: kind, label: kind }))];
  const arrayOptions: SelectOption[] = [{ value: ALL, label: 'All arrays' }, ...arrays.map((array) => ({ value: array.id, label: array.name }))];
  const { window, ...filters } = eventApiFilter(view);
  const exportHref = apiPath('/api/events/export', filters);
  // The window ends when the link is clicked, not when the page rendered.
  const onExport = (event: MouseEvent<HTMLAnchorElement>) => {
    if (window !== undefined) event.currentTarget.href = apiPath('/api/events/export', { ...filters, since: sinceOf(window, Date.now()) });
  };
  return (
    <div role="search" aria-label="Filter events" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <FilterSelect
        id="event-window"
        label="Time"
        value={view.window}
        options={WINDOW_OPTIONS}
        onChange={(window) => update((current) => ({ ...current, window: isWindow(window) ? window : '' }))}
        className="w-40"
      />
      <FilterSelect
        id="event-category"
        label="Show"
        value={view.category}
        options={CATEGORY_OPTIONS}
        onChange={(category) => update((current) => ({ ...current, category: category === 'audit' || category === 'changes' ? category : '' }))}
      />
      <FilterSelect
        id="event-actor"
        label="User"
        value={view.actor}
        options={actorOptions}
        onChange={(actor) => update((current) => ({ ...current, actor }))}
        className="w-40"
      />
      <FilterSelect
        id="event-kind"
        label="Kind"
        value={view.kind}
        options={kindOptions}
        onChange={(kind) => update((current) => ({ ...current, kind }))}
        className="w-52"
      />
      <FilterSelect
        id="event-array"
        label="Array"
        value={view.arrayId}
        options={arrayOptions}
        onChange={(arrayId) => update((current) => ({ ...current, arrayId }))}
      />
      {hasEventFilters(view) && (
        <Button size="sm" variant="ghost" onClick={() => update(() => DEFAULT_EVENT_VIEW)}>
          Clear filters
        </Button>
      )}
      <a
        href={exportHref}
        onClick={onExport}
        download
        className={buttonClasses('secondary', 'sm', 'ml-auto')}
        title="Download these events (up to 10,000, newest first) as CSV"
      >
        Export CSV
      </a>
    </div>
  );
}
