'use client';
import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { NewCopyButton } from '@/components/copy-wizard/new-copy-button';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { ARRAY_MODELS } from '@/engine/client';
import { modelDisplayName } from '@/lib/client/array-models';
import { copyServiceOf } from '@/lib/client/copy-services';
import {
  COPY_SORT_COLUMNS,
  copyMatches,
  hasCopyFilters,
  parseCopyView,
  serializeCopyView,
  type CopySortColumn,
  type CopyViewState,
} from '@/lib/client/copy-url-state';
import { useCan } from '@/lib/client/session';
import { useArrays } from '@/lib/client/use-arrays';
import { useCopies } from '@/lib/client/use-copies';
import { useUrlState } from '@/lib/client/use-url-state';
import { BulkActions } from './bulk-actions';
import { CopiesTable } from './copies-table';
import { CopyFilters } from './copy-filters';
import { toCopyRows, type CopyRow } from './copy-row';
import type { Copy } from '@/lib/client/types';
import { NoCopies } from './no-copies';
import { useCopyNames } from './use-copy-names';

function ServicesByModel() {
  return (
    <Panel title="Copy service by array model" titleId="copy-services-title" bodyClassName="overflow-x-auto">
      <table className="w-full border-collapse text-left" aria-labelledby="copy-services-title">
        <thead className="bg-surface-raised text-xs text-fg-muted">
          <tr>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
              Model
            </th>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
              Copy service
            </th>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
              API type
            </th>
          </tr>
        </thead>
        <tbody>
          {ARRAY_MODELS.map((model) => {
            const service = copyServiceOf(model);
            return (
              <tr key={model} className="border-b border-line last:border-b-0">
                <td className="px-3 py-1.5">{modelDisplayName(model)}</td>
                <td className="px-3 py-1.5">{service.name}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{service.type}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}

function toSorting(view: CopyViewState): SortingState {
  return view.sort === null ? [] : [{ id: view.sort, desc: view.descending }];
}

function isSortColumn(id: string | undefined): id is CopySortColumn {
  return id !== undefined && (COPY_SORT_COLUMNS as readonly string[]).includes(id);
}

export function CopiesView() {
  const [view, update] = useUrlState(parseCopyView, serializeCopyView);
  const copies = useCopies();
  const arrays = useArrays();
  const names = useCopyNames();
  const canOperate = useCan('operate');
  const [selection, setSelection] = useState<RowSelectionState>({});
  // New names (a volume renamed or created) start a new cache: rows carry the names.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `names` is what invalidates the cache
  const rowCache = useMemo(() => new WeakMap<Copy, CopyRow>(), [names]);
  const allRows = useMemo(() => toCopyRows(copies.data ?? [], names, rowCache), [copies.data, names, rowCache]);
  const rows = useMemo(() => allRows.filter((row) => copyMatches(view, row)), [allRows, view]);
  const states = useMemo(() => [...new Set(allRows.map((row) => row.state))], [allRows]);
  // Only what is both selected and shown is acted on: a filter change never hides a target.
  const selected = useMemo(() => rows.filter((row) => selection[row.id] === true), [rows, selection]);
  const onSortingChange = useCallback(
    (sorting: SortingState) => {
      const first = sorting[0];
      update((current) => ({ ...current, sort: isSortColumn(first?.id) ? first.id : null, descending: first?.desc ?? false }));
    },
    [update],
  );

  const total = allRows.length;
  const description = copies.isPending
    ? 'Copy relationships between volumes of the same array.'
    : hasCopyFilters(view)
      ? `${rows.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} copy relationships match the filters.`
      : `${total.toLocaleString('en-US')} copy ${total === 1 ? 'relationship' : 'relationships'} in the fleet.`;

  return (
    <PageFrame fill>
      <PageHeader
        title="Copies"
        description={
          <span data-testid="copy-count" aria-live="polite">
            {description}
          </span>
        }
        actions={<NewCopyButton />}
      />
      <CopyFilters view={view} update={update} states={states} arrays={arrays.data ?? []} />
      {canOperate && selected.length > 0 ? <BulkActions selected={selected} onClear={() => setSelection({})} /> : null}
      {copies.isError ? (
        <ErrorState title="Could not load the copy relationships" error={copies.error} onRetry={() => void copies.refetch()} />
      ) : copies.isPending ? (
        <TableSkeleton label="Loading copy relationships" rows={6} columns={8} />
      ) : total === 0 ? (
        <Panel>
          <NoCopies />
        </Panel>
      ) : (
        <CopiesTable
          rows={rows}
          sorting={toSorting(view)}
          onSortingChange={onSortingChange}
          canOperate={canOperate}
          selection={selection}
          onSelectionChange={setSelection}
          empty={<EmptyState title="No copy relationships match these filters">Change or clear the filters to see more.</EmptyState>}
        />
      )}
      {!copies.isPending && total === 0 ? <ServicesByModel /> : null}
    </PageFrame>
  );
}
