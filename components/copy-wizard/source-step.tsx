'use client';
// Step 2: the source, or several in bulk mode, from the array's volumes: searchable and sortable
// (both kept in the URL), with size, pool, owner and the roles each volume already has.
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { SearchBox } from '@/components/ui/search-box';
import { SOURCE_SORT_COLUMNS, withBulk, withSources, type SourceSortColumn, type WizardState } from '@/lib/client/wizard-state';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';
import { VolumePickTable, type PickRow } from './volume-pick-table';

function isSortColumn(id: string | undefined): id is SourceSortColumn {
  return id !== undefined && (SOURCE_SORT_COLUMNS as readonly string[]).includes(id);
}

export function SourceStep({ state, update, rows }: { state: WizardState; update: UrlStateUpdate<WizardState>; rows: PickRow[] }) {
  const needle = state.q.trim().toLowerCase();
  const shown = useMemo(
    () => (needle === '' ? rows : rows.filter((row) => row.name.toLowerCase().includes(needle) || state.sourceIds.includes(row.id))),
    [rows, needle, state.sourceIds],
  );
  // Stable between renders: the table recomputes its row model whenever this changes.
  const sorting = useMemo<SortingState>(() => (state.sort === null ? [] : [{ id: state.sort, desc: state.descending }]), [state.sort, state.descending]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0];
      update((current) => ({ ...current, sort: isSortColumn(first?.id) ? first.id : null, descending: first?.desc ?? false }));
    },
    [update],
  );
  const onChoose = useCallback(
    (volumeId: string, picked: boolean) =>
      update((current) => {
        if (!current.bulk) return withSources(current, [volumeId]);
        const ids = picked ? [...current.sourceIds.filter((id) => id !== volumeId), volumeId] : current.sourceIds.filter((id) => id !== volumeId);
        return withSources(current, ids);
      }),
    [update],
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchBox
          id="wizard-source-search"
          label="Search volumes"
          placeholder="Search volume names"
          value={state.q}
          onChange={(q) => update((current) => ({ ...current, q }))}
        />
        <label className="flex items-center gap-2 text-xs font-medium text-fg">
          <input
            type="checkbox"
            checked={state.bulk}
            onChange={(event) => update((current) => withBulk(current, event.target.checked))}
            className="size-3.5 accent-(--accent)"
          />
          Bulk: several sources at once, targets matched automatically
        </label>
        <span className="text-xs text-fg-muted" aria-live="polite" data-testid="source-count">
          {state.bulk ? `${state.sourceIds.length} selected` : state.sourceIds.length === 1 ? '1 selected' : 'none selected'}
        </span>
      </div>
      <VolumePickTable
        rows={shown}
        label="Source volumes"
        name="wizard-source"
        multiple={state.bulk}
        chosen={state.sourceIds}
        onChoose={onChoose}
        sorting={sorting}
        onSortingChange={onSortingChange}
        empty={
          <EmptyState title={needle === '' ? 'This array has no volumes' : 'No volume matches the search'}>
            {needle === '' ? 'Create volumes on the Volumes page first.' : 'Change or clear the search.'}
          </EmptyState>
        }
      />
    </div>
  );
}
