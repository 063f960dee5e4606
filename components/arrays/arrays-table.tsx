'use client';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import Link from 'next/link';
import { useState } from 'react';
import '@/components/ui/column-meta';
import { CapacityBar, usedPercent } from '@/components/ui/capacity-bar';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from '@/components/ui/card-table';
import { ariaSort, HeaderLabel } from '@/components/ui/sortable-header';
import { modelDisplayName } from '@/lib/client/array-models';
import type { StorageArray } from '@/lib/client/types';
import { ControllerBadge } from './controller-badge';

const column = createColumnHelper<StorageArray>();

const COLUMNS = [
  column.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <Link href={`/arrays/${info.row.original.id}`} className="font-medium text-accent hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor((array) => modelDisplayName(array.model), { id: 'model', header: 'Model' }),
  column.accessor('serial', { header: 'Serial', cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span> }),
  column.accessor((array) => array.controllers.filter((c) => c.status === 'online').length, {
    id: 'controllers',
    header: 'Controllers',
    cell: (info) => (
      <span className="flex gap-1">
        {info.row.original.controllers.map((controller) => (
          <ControllerBadge key={controller.slot} controller={controller} />
        ))}
      </span>
    ),
  }),
  column.accessor((array) => usedPercent(array.usedBytes, array.capacityBytes), {
    id: 'capacity',
    header: 'Capacity used',
    cell: (info) => <CapacityBar usedBytes={info.row.original.usedBytes} capacityBytes={info.row.original.capacityBytes} className="w-52" />,
  }),
  column.accessor('volumeCount', {
    header: 'Volumes',
    cell: (info) => <span className="tabular-nums">{info.getValue().toLocaleString('en-US')}</span>,
    meta: { align: 'right' },
  }),
];

export function ArraysTable({ arrays }: { arrays: StorageArray[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: arrays,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <table className={`w-full border-collapse text-left ${CARD_TABLE}`}>
      <thead className={`bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const right = header.column.columnDef.meta?.align === 'right';
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={ariaSort(header.column.getIsSorted())}
                  className={`border-b border-line px-3 py-2 font-medium ${right ? 'text-right' : ''}`}
                >
                  <HeaderLabel header={header} align={right ? 'right' : 'left'} />
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody className={CARD_BODY}>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={`border-b border-line last:border-b-0 hover:bg-surface-hover ${CARD_ROW}`}>
            {row.getVisibleCells().map((cell) => {
              const right = cell.column.columnDef.meta?.align === 'right';
              return (
                <td
                  key={cell.id}
                  data-label={typeof cell.column.columnDef.header === 'string' ? cell.column.columnDef.header : undefined}
                  className={`px-3 py-2 align-middle ${right ? 'text-right' : ''} ${CARD_CELL}`}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
