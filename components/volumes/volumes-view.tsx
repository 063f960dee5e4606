'use client';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import type { VolumeListFilter } from '@/lib/client/query-keys';
import { useArrays } from '@/lib/client/use-arrays';
import { useUrlState } from '@/lib/client/use-url-state';
import { useVolumes } from '@/lib/client/use-volumes';
import {
  hasVolumeFilters,
  parseVolumeView,
  serializeVolumeView,
  VOLUME_SORT_COLUMNS,
  type VolumeSortColumn,
  type VolumeViewState,
} from '@/lib/client/volume-url-state';
import { useCan } from '@/lib/client/session';
import { CreateVolumeDialog } from './create-volume-dialog';
import { DeleteVolumeDialog } from './delete-volume-dialog';
import { VolumeFilters } from './volume-filters';
import { toVolumeRows, type VolumeRow } from './volume-row';
import { VolumesTable } from './volumes-table';

function apiFilter(view: VolumeViewState): VolumeListFilter {
  return {
    ...(view.arrayId === '' ? {} : { arrayId: view.arrayId }),
    ...(view.role === '' ? {} : { role: view.role }),
    ...(view.owner === '' ? {} : { owner: view.owner }),
    ...(view.q === '' ? {} : { q: view.q }),
  };
}

function toSorting(view: VolumeViewState): SortingState {
  return view.sort === null ? [] : [{ id: view.sort, desc: view.descending }];
}

function isSortColumn(id: string | undefined): id is VolumeSortColumn {
  return id !== undefined && (VOLUME_SORT_COLUMNS as readonly string[]).includes(id);
}

function rolesIn(rows: VolumeRow[], selected: string): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const role of row.roles) names.add(role);
  if (selected !== '') names.add(selected);
  return [...names].sort();
}

export function VolumesView() {
  const [view, update] = useUrlState(parseVolumeView, serializeVolumeView);
  const filter = useMemo(() => apiFilter(view), [view]);
  const arrays = useArrays();
  const volumes = useVolumes(filter);
  const rows = useMemo(() => toVolumeRows(volumes.data ?? [], arrays.data), [volumes.data, arrays.data]);
  const [deleting, setDeleting] = useState<VolumeRow | null>(null);
  const onDelete = useCallback((row: VolumeRow) => setDeleting(row), []);
  const canOperate = useCan('operate');
  const onSortingChange = useCallback(
    (sorting: SortingState) => {
      const first = sorting[0];
      update((current) => ({ ...current, sort: isSortColumn(first?.id) ? first.id : null, descending: first?.desc ?? false }));
    },
    [update],
  );

  const count = rows.length;
  const filtered = hasVolumeFilters(view) ? (count === 1 ? ' matches the filters' : ' match the filters') : '';
  const countText = volumes.isPending ? 'Loading volumes…' : `${count.toLocaleString('en-US')} ${count === 1 ? 'volume' : 'volumes'}${filtered}`;

  return (
    <PageFrame fill>
      <PageHeader
        title="Volumes"
        description={
          <span aria-live="polite" data-testid="volume-count">
            {countText}
            {volumes.isFetching && !volumes.isPending ? <span className="text-fg-subtle"> · updating</span> : null}
          </span>
        }
        actions={canOperate ? <CreateVolumeDialog defaultArrayId={view.arrayId === '' ? undefined : view.arrayId} /> : undefined}
      />
      <VolumeFilters view={view} update={update} arrays={arrays.data ?? []} roleNames={rolesIn(rows, view.role)} />
      {volumes.isError ? (
        <ErrorState title="Could not load the volumes" error={volumes.error} onRetry={() => void volumes.refetch()} />
      ) : volumes.isPending ? (
        <div className="rounded border border-line bg-surface">
          <TableSkeleton label="Loading volumes" rows={12} columns={8} />
        </div>
      ) : (
        <VolumesTable
          rows={rows}
          sorting={toSorting(view)}
          onSortingChange={onSortingChange}
          onDelete={canOperate ? onDelete : null}
          empty={
            <EmptyState title={hasVolumeFilters(view) ? 'No volumes match these filters' : 'No volumes yet'}>
              {hasVolumeFilters(view)
                ? 'Change or clear the filters to see more.'
                : canOperate
                  ? 'Create a volume to get started.'
                  : 'An operator can create volumes.'}
            </EmptyState>
          }
        />
      )}
      <DeleteVolumeDialog volume={deleting} onClose={() => setDeleting(null)} />
    </PageFrame>
  );
}
