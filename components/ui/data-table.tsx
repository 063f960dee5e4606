'use client';
// A dense, non-virtualized rendering of a TanStack table (lists of tens or hundreds of rows):
// sortable headers are buttons with aria-sort on their <th>, rows keep the column meta's alignment.
// Below md (a phone) each row is a card: the cells stack, each labelled with its column's header,
// so the page never scrolls sideways; the headers stay in the accessibility tree (sr-only).
import { flexRender, type Table } from '@tanstack/react-table';
import clsx from 'clsx';
import type { CSSProperties } from 'react';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from './card-table';
import './column-meta';
import { ariaSort, HeaderLabel } from './sortable-header';

export function DataTable<T>({ table, label, minWidth }: { table: Table<T>; label: string; minWidth?: string }) {
  return (
    <table
      aria-label={label}
      className={`w-full border-collapse text-left md:min-w-(--table-min-width) ${CARD_TABLE}`}
      style={minWidth === undefined ? undefined : ({ '--table-min-width': minWidth } as CSSProperties)}
    >
      <thead className={`bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
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
      <tbody className={CARD_BODY}>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            className={`hover:bg-surface-hover max-md:border-b max-md:border-line max-md:last:border-b-0 [&:last-child>td]:border-b-0 ${CARD_ROW}`}
          >
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                data-label={typeof cell.column.columnDef.header === 'string' ? cell.column.columnDef.header : undefined}
                className={clsx(
                  'h-8 border-b border-line px-2 align-middle whitespace-nowrap first:pl-3 last:pr-3',
                  'max-md:h-auto max-md:px-3',
                  CARD_CELL,
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
