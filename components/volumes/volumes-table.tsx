'use client';
// The Volumes table: TanStack Table for sorting, TanStack Virtual so that only the rows in view
// (plus a small overscan) are in the DOM, whether the fleet has 70 volumes or 10,000.
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type Row, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { memo, useMemo, useRef } from 'react';
import { ariaSort, HeaderLabel } from '@/components/ui/sortable-header';
import { volumeColumns } from './volume-columns';
import type { VolumeRow } from './volume-row';

export const ROW_HEIGHT_PX = 30;
const OVERSCAN_ROWS = 10;

export interface VolumesTableProps {
  rows: VolumeRow[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onDelete: ((row: VolumeRow) => void) | null;
  empty: React.ReactNode;
}

// Memoized: while scrolling, rows that stay in view keep their Row object and skip re-rendering.
const VolumeTableRow = memo(function VolumeTableRow({ row, rowIndex }: { row: Row<VolumeRow>; rowIndex: number }) {
  return (
    <tr aria-rowindex={rowIndex + 2} style={{ height: ROW_HEIGHT_PX }} className="hover:bg-surface-hover">
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={clsx('overflow-hidden border-b border-line px-2 whitespace-nowrap first:pl-3', cell.column.columnDef.meta?.align === 'right' && 'text-right')}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});

export function VolumesTable({ rows, sorting, onSortingChange, onDelete, empty }: VolumesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => volumeColumns(onDelete), [onDelete]);
  const handleSorting = (updater: Updater<SortingState>) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: handleSorting,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTopPx = items[0]?.start ?? 0;
  const paddingBottomPx = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div ref={scrollRef} tabIndex={0} role="region" aria-label="Volumes table" className="min-h-0 flex-1 overflow-auto rounded border border-line bg-surface">
      <table className="w-full min-w-[960px] table-fixed border-separate border-spacing-0 text-left" aria-rowcount={tableRows.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-surface-raised text-xs text-fg-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const right = header.column.columnDef.meta?.align === 'right';
                return (
                  <th key={header.id} scope="col" aria-sort={header.column.getCanSort() ? ariaSort(header.column.getIsSorted()) : undefined} className={clsx('h-8 border-b border-line px-2 font-medium first:pl-3', right && 'text-right')}>
                    <HeaderLabel header={header} align={right ? 'right' : 'left'} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTopPx > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTopPx }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index];
            return row === undefined ? null : <VolumeTableRow key={row.id} row={row} rowIndex={item.index} />;
          })}
          {paddingBottomPx > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottomPx }} />
            </tr>
          )}
        </tbody>
      </table>
      {tableRows.length === 0 && empty}
    </div>
  );
}
