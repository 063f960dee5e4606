'use client';
// Every takeover the event log holds (the newest 50): when, who became primary, who held the
// lease before, the new epoch and how long the cluster had no primary.
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import '@/components/ui/column-meta';
import { ClockTime } from '@/components/ui/clock-time';
import { DataTable } from '@/components/ui/data-table';
import { wallTime } from '@/lib/client/clock-format';
import { formatDuration } from '@/lib/client/relative-time';
import { takeoverKey } from '@/lib/client/takeovers';
import type { TakeoverSortColumn } from '@/lib/client/server-url-state';
import type { Takeover } from '@/lib/client/use-cluster';

const column = createColumnHelper<Takeover>();

const COLUMNS = [
  column.accessor('time', {
    id: 'time' satisfies TakeoverSortColumn,
    header: 'Time',
    meta: { width: '11rem' },
    cell: (info) => <ClockTime time={wallTime(info.getValue())} className="font-mono text-xs text-fg-muted" />,
  }),
  column.accessor('node', {
    id: 'node' satisfies TakeoverSortColumn,
    header: 'New primary',
    sortingFn: 'alphanumeric',
    cell: (info) => <span className="font-medium text-fg">{info.getValue()}</span>,
  }),
  column.accessor((takeover) => takeover.previous ?? undefined, {
    id: 'previous' satisfies TakeoverSortColumn,
    header: 'Previous',
    sortUndefined: 'last',
    cell: (info) => info.getValue() ?? <span className="text-xs text-fg-subtle">none (first primary)</span>,
  }),
  column.accessor('epoch', {
    id: 'epoch' satisfies TakeoverSortColumn,
    header: 'Epoch',
    meta: { width: '5rem', align: 'right' },
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor((takeover) => takeover.tookMs ?? undefined, {
    id: 'took' satisfies TakeoverSortColumn,
    header: 'Took',
    sortUndefined: 'last',
    meta: { width: '7rem', align: 'right' },
    cell: (info) => {
      const tookMs = info.getValue();
      return tookMs === undefined ? (
        <span className="text-xs text-fg-subtle">unknown</span>
      ) : (
        <span className="tabular-nums" title="From the old primary’s last lease expiry to the new primary serving">
          {formatDuration(tookMs)}
        </span>
      );
    },
  }),
];

export function TakeoversTable({
  takeovers,
  sorting,
  onSortingChange,
}: {
  takeovers: Takeover[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const handleSorting = (updater: Updater<SortingState>) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: takeovers,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: handleSorting,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: takeoverKey,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} label="Takeovers" minWidth="640px" />;
}
