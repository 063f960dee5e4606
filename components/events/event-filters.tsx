'use client';
// The Events page's filter bar: what kind of entry (requests or storage changes), who, which kind,
// which array — and a CSV download of exactly this slice for the auditors.
import { buttonClasses } from '@/components/ui/button';
import { Button } from '@/components/ui/button';
import { FILTER_ALL as ALL, FilterSelect } from '@/components/ui/filter-select';
import type { SelectOption } from '@/components/ui/select';
import { eventApiFilter, hasEventFilters, DEFAULT_EVENT_VIEW, type EventViewState } from '@/lib/client/event-url-state';
import { apiPath } from '@/lib/client/fetch-json';
import type { StorageArray } from '@/lib/client/types';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';

const CATEGORY_OPTIONS: SelectOption[] = [
  { value: ALL, label: 'Requests and changes' },
  { value: 'audit', label: 'Requests (audit)' },
  { value: 'changes', label: 'Storage changes' },
];

/** Keeps the current choice selectable even when the sample it came from no longer lists it. */
function withChoice(values: string[], chosen: string): string[] {
  return chosen === '' || values.includes(chosen) ? values : [...values, chosen].sort();
}

export function EventFilters({ view, update, actors, kinds, arrays }: { view: EventViewState; update: UrlStateUpdate<EventViewState>; actors: string[]; kinds: string[]; arrays: StorageArray[] }) {
  const actorOptions: SelectOption[] = [{ value: ALL, label: 'Everyone' }, ...withChoice(actors, view.actor).map((actor) => ({ value: actor, label: actor }))];
  const kindOptions: SelectOption[] = [{ value: ALL, label: 'All kinds' }, ...withChoice(kinds, view.kind).map((kind) => ({ value: kind, label: kind }))];
  const arrayOptions: SelectOption[] = [{ value: ALL, label: 'All arrays' }, ...arrays.map((array) => ({ value: array.id, label: array.name }))];
  const exportHref = apiPath('/api/events/export', eventApiFilter(view));
  return (
    <div role="search" aria-label="Filter events" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <FilterSelect id="event-category" label="Show" value={view.category} options={CATEGORY_OPTIONS} onChange={(category) => update((current) => ({ ...current, category: category === 'audit' || category === 'changes' ? category : '' }))} />
      <FilterSelect id="event-actor" label="User" value={view.actor} options={actorOptions} onChange={(actor) => update((current) => ({ ...current, actor }))} className="w-40" />
      <FilterSelect id="event-kind" label="Kind" value={view.kind} options={kindOptions} onChange={(kind) => update((current) => ({ ...current, kind }))} className="w-52" />
      <FilterSelect id="event-array" label="Array" value={view.arrayId} options={arrayOptions} onChange={(arrayId) => update((current) => ({ ...current, arrayId }))} />
      {hasEventFilters(view) && (
        <Button size="sm" variant="ghost" onClick={() => update(() => DEFAULT_EVENT_VIEW)}>
          Clear filters
        </Button>
      )}
      <a href={exportHref} download className={buttonClasses('secondary', 'sm', 'ml-auto')} title="Download these events (up to 10,000, newest first) as CSV">
        Export CSV
      </a>
    </div>
  );
}
