'use client';
// The Copies page's filter bar: service, state, array and a search over names (the relationship's and both volumes').
import { Button } from '@/components/ui/button';
import { FILTER_ALL as ALL, FilterSelect } from '@/components/ui/filter-select';
import { SearchBox } from '@/components/ui/search-box';
import type { SelectOption } from '@/components/ui/select';
import { COPY_TYPE_FILTERS, DEFAULT_COPY_VIEW, hasCopyFilters, type CopyViewState } from '@/lib/client/copy-url-state';
import type { StorageArray } from '@/lib/client/types';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';

const SERVICE_LABELS: Record<(typeof COPY_TYPE_FILTERS)[number], string> = {
  'volume-copy': 'Volume copy',
  shadowimage: 'ShadowImage',
  flashcopy: 'FlashCopy',
};

export function CopyFilters({
  view,
  update,
  states,
  arrays,
}: {
  view: CopyViewState;
  update: UrlStateUpdate<CopyViewState>;
  states: string[];
  arrays: StorageArray[];
}) {
  const typeOptions: SelectOption[] = [
    { value: ALL, label: 'All services' },
    ...COPY_TYPE_FILTERS.map((type) => ({ value: type, label: SERVICE_LABELS[type] })),
  ];
  const stateOptions: SelectOption[] = [
    { value: ALL, label: 'Any state' },
    ...[...new Set([...states, ...(view.state === '' ? [] : [view.state])])].sort().map((state) => ({ value: state, label: state })),
  ];
  const arrayOptions: SelectOption[] = [{ value: ALL, label: 'All arrays' }, ...arrays.map((array) => ({ value: array.id, label: array.name }))];
  return (
    <div role="search" aria-label="Filter copies" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox
        id="copy-search"
        label="Search copies"
        placeholder="Search name, source or target"
        value={view.q}
        onChange={(q) => update((current) => ({ ...current, q }))}
      />
      <FilterSelect
        id="copy-filter-type"
        label="Service"
        value={view.type}
        options={typeOptions}
        onChange={(type) => update((current) => ({ ...current, type }))}
        className="w-40"
      />
      <FilterSelect
        id="copy-filter-state"
        label="State"
        value={view.state}
        options={stateOptions}
        onChange={(state) => update((current) => ({ ...current, state }))}
        className="w-40"
      />
      <FilterSelect
        id="copy-filter-array"
        label="Array"
        value={view.arrayId}
        options={arrayOptions}
        onChange={(arrayId) => update((current) => ({ ...current, arrayId }))}
      />
      {hasCopyFilters(view) && (
        <Button size="sm" variant="ghost" onClick={() => update((current) => ({ ...DEFAULT_COPY_VIEW, sort: current.sort, descending: current.descending }))}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
