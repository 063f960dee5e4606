'use client';
// A dense, non-virtualized rendering of a TanStack table (lists of tens or hundreds of rows):
// sortable headers are buttons with aria-sort on their <th>, rows keep the column meta's alignment.
import { flexRender, type Table } from '@tanstack/react-table';
import clsx from 'clsx';
import './column-meta';
import { ariaSort, HeaderLabel } from './sortable-header';

export function DataTable<T>({ table, label, minWidth }: { table: Table<T>; label: string; minWidth?: string }) {
  return (
    <table aria-label={label} className="w-full border-collapse text-left" style={{ minWidth }}>
      <thead className="bg-surface-raised text-xs text-fg-muted">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const right = header.column.columnDef.meta?.align === 'right';
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={header.column.getCanSort() ? ariaSort(header.column.getIsSorted()) : undefined}
                  style={{ width: header.column.columnDef.meta?.width }}
                  className={clsx('h-8 border-b border-line px-2 font-medium whitespace-nowrap first:pl-3 last:pr-3', right && 'text-right')}
                >
                  <HeaderLabel header={header} align={right ? 'right' : 'left'} />
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className="hover:bg-surface-hover [&:last-child>td]:border-b-0">
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                className={clsx(
                  'h-8 border-b border-line px-2 align-middle whitespace-nowrap first:pl-3 last:pr-3',
                  cell.column.columnDef.meta?.align === 'right' && 'text-right',
                )}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
