'use client';
// The Volumes page's filter bar.
import { Button } from '@/components/ui/button';
import { FILTER_ALL as ALL, FilterSelect } from '@/components/ui/filter-select';
import type { SelectOption } from '@/components/ui/select';
import type { StorageArray } from '@/lib/client/types';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';
import { hasVolumeFilters, ROLE_ANY, ROLE_NONE, type VolumeViewState } from '@/lib/client/volume-url-state';
import { SearchBox } from '@/components/ui/search-box';

export function VolumeFilters({
  view,
  update,
  arrays,
  roleNames,
}: {
  view: VolumeViewState;
  update: UrlStateUpdate<VolumeViewState>;
  arrays: StorageArray[];
  roleNames: string[];
}) {
  const arrayOptions: SelectOption[] = [{ value: ALL, label: 'All arrays' }, ...arrays.map((array) => ({ value: array.id, label: array.name }))];
  const roleOptions: SelectOption[] = [
    { value: ALL, label: 'Any role' },
    { value: ROLE_NONE, label: 'No role' },
    ...roleNames.filter((role) => role !== ROLE_NONE).map((role) => ({ value: role, label: role })),
  ];
  const ownerOptions: SelectOption[] = [
    { value: ALL, label: 'Any owner' },
    { value: 'A', label: 'Controller A' },
    { value: 'B', label: 'Controller B' },
  ];
  return (
    <div role="search" aria-label="Filter volumes" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox
        id="volume-search"
        label="Search volumes"
        placeholder="Search by name"
        value={view.q}
        onChange={(q) => update((current) => ({ ...current, q }))}
      />
      <FilterSelect
        id="volume-filter-array"
        label="Array"
        value={view.arrayId}
        options={arrayOptions}
        onChange={(arrayId) => update((current) => ({ ...current, arrayId }))}
      />
      <FilterSelect
        id="volume-filter-role"
        label="Role"
        value={view.role === ROLE_ANY ? '' : view.role}
        options={roleOptions}
        onChange={(role) => update((current) => ({ ...current, role }))}
      />
      <FilterSelect
        id="volume-filter-owner"
        label="Owner"
        value={view.owner}
        options={ownerOptions}
        onChange={(owner) => update((current) => ({ ...current, owner: owner === 'A' || owner === 'B' ? owner : '' }))}
      />
      {hasVolumeFilters(view) && (
        <Button size="sm" variant="ghost" onClick={() => update((current) => ({ ...current, arrayId: '', role: ROLE_ANY, owner: '', q: '' }))}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
