'use client';
// The console's dense data table: TanStack Table for sorting (and optional row selection),
// TanStack Virtual so only the rows in view (plus a small overscan) are in the DOM, whether the
// list has 70 rows or 10,000. Fixed layout: virtualized rows never shift the columns.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { memo, useCallback, useRef, type ReactNode } from 'react';
import './column-meta';
import { ariaSort, HeaderLabel } from './sortable-header';
import { useElementWidth } from './use-element-width';

export const ROW_HEIGHT_PX = 30;
const OVERSCAN_ROWS = 10;

export interface VirtualTableProps<T> {
  rows: T[];
  // TanStack's ColumnDef is invariant in its value type; a table's columns mix value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value type differs per column by design
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  /** The region's accessible name, e.g. "Volumes table". */
  label: string;
  /** The table's own accessible name, when specs or screen readers look for it. */
  tableLabel?: string;
  empty: ReactNode;
  minWidthPx?: number;
  rowHeightPx?: number;
  /** Controlled selection, keyed by row id; omitted = no selection. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (selection: RowSelectionState) => void;
}

interface TableRowProps<T> {
  row: Row<T>;
  rowIndex: number;
  heightPx: number;
  selected: boolean;
  /** The column definitions the cells render with: new ones render every row again. */
  columns: unknown;
  /** The ids of the columns shown: a column hidden or shown as the box resizes renders every row again. */
  visibleColumns: string;
}

/**
 * Memoized on the row's data, not TanStack's Row object (rebuilt for every row whenever any row's
 * data changes): while scrolling, rows that stay in view skip rendering, and a push about a few
 * copies renders only their rows.
 */
const TableRow = memo(
  function TableRow<T>({ row, rowIndex, heightPx, selected }: TableRowProps<T>) {
    return (
      <tr
        aria-rowindex={rowIndex + 2}
        aria-selected={selected || undefined}
        style={{ height: heightPx }}
        className={clsx('hover:bg-surface-hover', selected && 'bg-accent-soft')}
      >
        {row.getVisibleCells().map((cell) => (
          <td
            key={cell.id}
            className={clsx(
              'overflow-hidden border-b border-line px-2 whitespace-nowrap first:pl-3',
              cell.column.columnDef.meta?.align === 'right' && 'text-right',
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.row.id === after.row.id &&
    before.rowIndex === after.rowIndex &&
    before.heightPx === after.heightPx &&
    before.selected === after.selected &&
    before.columns === after.columns &&
    before.visibleColumns === after.visibleColumns,
) as <T>(props: TableRowProps<T>) => ReactNode;

/** Columns whose `hideBelowPx` the box is narrower than are hidden; before the first layout, all of them. */
function visibilityFor<T>(columns: VirtualTableProps<T>['columns'], widthPx: number): VisibilityState {
  const visibility: VisibilityState = {};
  for (const column of columns) {
    const hideBelowPx = column.meta?.hideBelowPx;
    if (hideBelowPx !== undefined && column.id !== undefined && widthPx < hideBelowPx) visibility[column.id] = false;
  }
  return visibility;
}

/**
 * A column's width. Percentages are shares of the full table: once columns have given way to a
 * narrow box, those columns take what the fixed ones leave instead (a 15 % name on a phone is 50 px).
 */
function columnWidth(width: string | undefined, someHidden: boolean): string | undefined {
  return someHidden && width?.endsWith('%') ? undefined : width;
}

export function VirtualTable<T>({
  rows,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  label,
  tableLabel,
  empty,
  minWidthPx = 0,
  rowHeightPx = ROW_HEIGHT_PX,
  rowSelection,
  onRowSelectionChange,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [measure, measuredWidthPx] = useElementWidth();
  const boxWidthPx = measuredWidthPx ?? 0;
  // The virtualizer scrolls this box and the columns fit its width: one element, two refs.
  const boxRef = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      return measure(element);
    },
    [measure],
  );
  const handleSorting = (updater: Updater<SortingState>) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater);
  const selectable = rowSelection !== undefined && onRowSelectionChange !== undefined;
  const handleSelection = (updater: Updater<RowSelectionState>) =>
    onRowSelectionChange?.(typeof updater === 'function' ? updater(rowSelection ?? {}) : updater);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility: visibilityFor(columns, boxWidthPx), ...(selectable ? { rowSelection } : {}) },
    onSortingChange: handleSorting,
    enableRowSelection: selectable,
    onRowSelectionChange: handleSelection,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: OVERSCAN_ROWS,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTopPx = items[0]?.start ?? 0;
  const paddingBottomPx = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns();
  const columnCount = visibleColumns.length;
  const visibleColumnIds = visibleColumns.map((column) => column.id).join(' ');
  const someHidden = columnCount < table.getAllLeafColumns().length;

  return (
    <div ref={boxRef} tabIndex={0} role="region" aria-label={label} className="min-h-0 flex-1 overflow-auto rounded border border-line bg-surface">
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-left"
        style={{ minWidth: minWidthPx }}
        aria-label={tableLabel}
        aria-rowcount={tableRows.length + 1}
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: columnWidth(column.columnDef.meta?.width, someHidden) }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-surface-raised text-xs text-fg-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const right = header.column.columnDef.meta?.align === 'right';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getCanSort() ? ariaSort(header.column.getIsSorted()) : undefined}
                    className={clsx('h-8 border-b border-line px-2 font-medium first:pl-3', right && 'text-right')}
                  >
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
            return row === undefined ? null : (
              <TableRow
                key={row.id}
                row={row}
                rowIndex={item.index}
                heightPx={rowHeightPx}
                selected={row.getIsSelected()}
                columns={columns}
                visibleColumns={visibleColumnIds}
              />
            );
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
