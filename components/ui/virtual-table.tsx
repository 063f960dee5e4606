'use client';
// The console's dense data table: TanStack Table for sorting (and optional row selection),
// TanStack Virtual so only the rows in view (plus a small overscan) are in the DOM, whether the
// list has 70 rows or 10,000. Fixed layout: virtualized rows never shift the columns.
// With `cardHeightEstimatePx`, below md (a phone) each row is a card instead (card-table.ts): the
// columns' `cardSlot` put the checkbox, the name and the actions on its first line, and every
// other shown column is a line of its own, labelled; the page never scrolls sideways.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnMeta,
  type Row,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { CARD_BODY, CARD_CELL, CARD_TABLE } from './card-table';
import './column-meta';
import { ariaSort, HeaderLabel } from './sortable-header';
import { useElementWidth } from './use-element-width';
import { BELOW_MD_QUERY, useMediaQuery } from './use-media-query';

export const ROW_HEIGHT_PX = 30;
/**
 * Rows rendered beyond the box at each end. Three cover a scroll of a few rows per frame (a brisk
 * wheel moves one or two); every row more is laid out, painted and layerized on every frame of a
 * scroll, and with ten the 1,000-copy table at 100× spent a sixth more of its frame on them (bench:ui).
 */
const OVERSCAN_ROWS = 3;
const NO_COLUMN_ORDER: string[] = [];

const CardsContext = createContext(false);

/**
 * Whether the rows are cards (below md): a cell with a line only cards show renders it only
 * then, rather than hiding it with CSS in every row of the table.
 */
export function useCardLayout(): boolean {
  return useContext(CardsContext);
}

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
  /**
   * Below md each row is a card, of about this height until it is measured; omitted = a table at
   * every width (columns with `hideBelowPx` give way instead).
   */
  cardHeightEstimatePx?: number;
  /** Told the ids of the rows in the DOM (in view plus overscan) whenever they change, e.g. to watch their live data. */
  onRenderedRowIdsChange?: (ids: readonly string[]) => void;
  /**
   * Whether a row's new data renders the same as its old (default: the same object). Rows whose
   * cells read live figures themselves can ignore those figures here, so a list refreshed with new
   * figures does not render every row in view again.
   */
  rendersSame?: (before: T, after: T) => boolean;
}

/**
 * A table row is a composited layer of its own, opaque so its text keeps its antialiasing: a
 * scrolled table then paints the row coming into view and those whose figures moved, and
 * composites the rest as they are. As one layer the whole table was painted again on every frame,
 * which with 1,000 copies moving at 100× was the largest part of the frame (bench:ui --trace:
 * paint about 6 ms of CPU per frame, 2 ms with a layer per row).
 */
const TABLE_ROW = 'will-change-transform';

// A card: a grid whose first row holds the checkbox, the name (which takes what is left and wraps)
// and the Actions menu, and whose other cells are CARD_CELL lines across it.
const CARD_ROW = 'grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-2 border-b border-line px-3 py-2';
const CARD_SLOT_CELL: Record<'select' | 'title' | 'actions', string> = {
  select: 'col-start-1 row-start-1 mb-1 flex items-center',
  title: 'col-start-2 row-start-1 mb-1 min-w-0 py-0.5 whitespace-normal [overflow-wrap:anywhere] [&_*]:whitespace-normal',
  actions: 'col-start-3 row-start-1 mb-1 justify-self-end',
};
const CARD_SLOT_ORDER = ['select', 'title', 'actions'] as const;
// Label and value on their first lines' baseline: a progress bar with its rate line under it, or a
// name wrapped onto two lines, is labelled where it starts rather than beside its middle.
const CARD_LINE_CELL = `col-span-full ${CARD_CELL} items-baseline!`;

interface TableRowProps<T> {
  row: Row<T>;
  rowIndex: number;
  /** The fixed row height; undefined for cards, which are as tall as their content. */
  heightPx: number | undefined;
  selected: boolean;
  cards: boolean;
  /** The virtualizer's measuring ref (cards only): stable, so it does not defeat the memo. */
  measureRef: ((element: HTMLTableRowElement | null) => void) | undefined;
  /** The column definitions the cells render with: new ones render every row again. */
  columns: unknown;
  /** The ids of the columns shown: a column hidden or shown as the box resizes renders every row again. */
  visibleColumns: string;
  rendersSame: (before: T, after: T) => boolean;
}

/**
 * Memoized on the row's data, not TanStack's Row object (rebuilt for every row whenever any row's
 * data changes): while scrolling, rows that stay in view skip rendering, and a push about a few
 * copies renders only their rows.
 */
const TableRow = memo(
  function TableRow<T>({ row, rowIndex, heightPx, selected, cards, measureRef }: TableRowProps<T>) {
    return (
      <tr
        ref={measureRef}
        data-index={cards ? rowIndex : undefined}
        aria-rowindex={rowIndex + 2}
        aria-selected={selected || undefined}
        style={heightPx === undefined ? undefined : { height: heightPx }}
        className={clsx(cards ? CARD_ROW : TABLE_ROW, selected ? 'bg-accent-soft' : !cards && 'bg-surface', 'hover:bg-surface-hover')}
      >
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          const slot = meta?.cardSlot;
          const header = cell.column.columnDef.header;
          return cards ? (
            <td
              key={cell.id}
              data-label={slot === undefined ? (meta?.cardLabel ?? (typeof header === 'string' ? header : undefined)) : undefined}
              className={slot === undefined || slot === 'hidden' ? CARD_LINE_CELL : CARD_SLOT_CELL[slot]}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          ) : (
            <td
              key={cell.id}
              className={clsx('overflow-hidden border-b border-line px-2 whitespace-nowrap first:pl-3', meta?.align === 'right' && 'text-right')}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
    );
  },
  (before, after) =>
    before.rendersSame === after.rendersSame &&
    before.rendersSame(before.row.original, after.row.original) &&
    before.row.id === after.row.id &&
    before.rowIndex === after.rowIndex &&
    before.heightPx === after.heightPx &&
    before.selected === after.selected &&
    before.cards === after.cards &&
    before.measureRef === after.measureRef &&
    before.columns === after.columns &&
    before.visibleColumns === after.visibleColumns,
) as <T>(props: TableRowProps<T>) => ReactNode;

/**
 * Columns whose `hideBelowPx` the box is narrower than are hidden; before the first layout, all of
 * them. Cards have room for every column but those kept off them (`cardSlot: 'hidden'`).
 */
function visibilityFor<T>(columns: VirtualTableProps<T>['columns'], widthPx: number, cards: boolean): VisibilityState {
  const visibility: VisibilityState = {};
  for (const column of columns) {
    if (column.id === undefined) continue;
    const hideBelowPx = column.meta?.hideBelowPx;
    const hidden = cards ? column.meta?.cardSlot === 'hidden' : hideBelowPx !== undefined && widthPx < hideBelowPx;
    if (hidden) visibility[column.id] = false;
  }
  return visibility;
}

/**
 * A header in the line of sort buttons above the cards. The sort button's negative margin would
 * take its own width off the header's and cut its name; the actions' header has nothing to show
 * (its name is for screen readers) and would only leave a double gap in the line.
 */
function cardHeaderClass(slot: ColumnMeta<RowData, unknown>['cardSlot']): string {
  return slot === 'actions' ? 'sr-only' : 'flex h-6 items-center font-medium [&>button]:mx-0';
}

/** On a card the checkbox, the name and the actions come first, so reading and Tab order follow the card's first line. */
function cardColumnOrder<T>(columns: VirtualTableProps<T>['columns']): string[] {
  return CARD_SLOT_ORDER.flatMap((slot) => columns.filter((column) => column.meta?.cardSlot === slot).flatMap((column) => column.id ?? []));
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
  cardHeightEstimatePx,
  onRenderedRowIdsChange,
  rendersSame = Object.is,
}: VirtualTableProps<T>) {
  const belowMd = useMediaQuery(BELOW_MD_QUERY);
  const cards = cardHeightEstimatePx !== undefined && belowMd;
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
  // By value: TanStack memoizes the visible columns, header groups and each row's cells on these
  // objects, and a scrolled table renders every frame.
  const visibility = visibilityFor(columns, boxWidthPx, cards);
  const visibilityKey = Object.keys(visibility).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `visibilityKey` is `visibility` by value
  const columnVisibility = useMemo(() => visibility, [visibilityKey]);
  const columnOrder = useMemo(() => (cards ? cardColumnOrder(columns) : NO_COLUMN_ORDER), [cards, columns]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: rows,
    columns,
    state: {
      sorting,
      columnVisibility,
      columnOrder,
      ...(selectable ? { rowSelection } : {}),
    },
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
  // Cards are measured once rendered rather than given one fixed height: a long name wraps onto two
  // or three lines at 390 px, so a height that fits every card would leave most of them half empty
  // (or one that fits most would cut the rest). Measuring is cheap at any list size: only the cards
  // in the DOM (those in view plus the overscan, a few dozen) are measured, by one ResizeObserver
  // the virtualizer shares, and the copies pushed every second do not change a card's height (see
  // the columns: progress keeps its rate line's height). The estimate is a card whose names fit on
  // one line, so the scrollbar barely moves as cards are measured.
  // Measured sizes are kept by row id, not position, so they follow their copy through a sort or a
  // filter (the row keeps its element then, which is not measured again unless it resizes).
  const cardKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows]);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (cards ? (cardHeightEstimatePx ?? rowHeightPx) : rowHeightPx),
    // Rows of fixed height need no key: the default (the index) costs nothing when the rows change.
    getItemKey: cards ? cardKey : undefined,
    overscan: OVERSCAN_ROWS,
  });
  // The virtualizer keeps sizes it measured (or estimated) until told: switching between rows and
  // cards (a window resized across md, a phone turned) makes them all wrong.
  const cardsBefore = useRef(cards);
  useLayoutEffect(() => {
    if (cardsBefore.current === cards) return;
    cardsBefore.current = cards;
    virtualizer.measure();
  }, [cards, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // By value: the same rows after a render must not tell anyone again.
  const renderedIds = items.map((item) => tableRows[item.index]?.id ?? '').join(' ');
  useEffect(() => onRenderedRowIdsChange?.(renderedIds === '' ? [] : renderedIds.split(' ')), [renderedIds, onRenderedRowIdsChange]);
  const paddingTopPx = items[0]?.start ?? 0;
  const paddingBottomPx = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns();
  const columnCount = visibleColumns.length;
  const visibleColumnIds = visibleColumns.map((column) => column.id).join(' ');
  const someHidden = columnCount < table.getAllLeafColumns().length;

  return (
    <div ref={boxRef} tabIndex={0} role="region" aria-label={label} className="min-h-0 flex-1 overflow-auto rounded border border-line bg-surface">
      <table
        className={clsx('w-full table-fixed border-separate border-spacing-0 text-left', cards && CARD_TABLE)}
        style={{ minWidth: cards ? undefined : minWidthPx }}
        aria-label={tableLabel}
        aria-rowcount={tableRows.length + 1}
      >
        {cards ? null : (
          <colgroup>
            {table.getVisibleLeafColumns().map((column) => (
              <col key={column.id} style={{ width: columnWidth(column.columnDef.meta?.width, someHidden) }} />
            ))}
          </colgroup>
        )}
        {/* On cards the headers stay in sight, a line of sort buttons above the list: out of sight
            (sr-only) they would still take focus, invisibly, and sorting would be lost to phones. */}
        <thead className={clsx('bg-surface-raised text-xs text-fg-muted', cards ? 'block border-b border-line' : 'sticky top-0 z-10')}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1} className={cards ? 'flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5' : undefined}>
              {group.headers.map((header) => {
                const right = !cards && header.column.columnDef.meta?.align === 'right';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getCanSort() ? ariaSort(header.column.getIsSorted()) : undefined}
                    className={
                      cards
                        ? cardHeaderClass(header.column.columnDef.meta?.cardSlot)
                        : clsx('h-8 border-b border-line px-2 font-medium first:pl-3', right && 'text-right')
                    }
                  >
                    <HeaderLabel header={header} align={right ? 'right' : 'left'} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <CardsContext.Provider value={cards}>
          <tbody className={cards ? CARD_BODY : undefined}>
            {paddingTopPx > 0 && (
              <tr aria-hidden="true" className={cards ? 'block' : undefined}>
                <td colSpan={columnCount} className={cards ? 'block' : undefined} style={{ height: paddingTopPx }} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index];
              return row === undefined ? null : (
                <TableRow
                  key={row.id}
                  row={row}
                  rowIndex={item.index}
                  heightPx={cards ? undefined : rowHeightPx}
                  selected={row.getIsSelected()}
                  cards={cards}
                  measureRef={cards ? virtualizer.measureElement : undefined}
                  columns={columns}
                  visibleColumns={visibleColumnIds}
                  rendersSame={rendersSame}
                />
              );
            })}
            {paddingBottomPx > 0 && (
              <tr aria-hidden="true" className={cards ? 'block' : undefined}>
                <td colSpan={columnCount} className={cards ? 'block' : undefined} style={{ height: paddingBottomPx }} />
              </tr>
            )}
          </tbody>
        </CardsContext.Provider>
      </table>
      {tableRows.length === 0 && empty}
    </div>
  );
}
