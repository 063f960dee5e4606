'use client';
// The Copies table: every relationship in the console's virtualized table, with selection for
// bulk actions when the user may act. Below md (a phone) each relationship is a card.
import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { VirtualTable } from '@/components/ui/virtual-table';
import { sameButLiveFigures, useWatchSetter } from '@/lib/client/live-progress';
import { copyColumns } from './copy-columns';
import type { CopyRow } from './copy-row';

export const COPY_ROW_HEIGHT_PX = 34;
/** A card whose names fit on one line (copy-columns.tsx lays it out); longer ones are measured taller. */
export const COPY_CARD_HEIGHT_PX = 224;
const copyId = (row: CopyRow) => row.id;

export function CopiesTable({
  rows,
  sorting,
  onSortingChange,
  canOperate,
  selection,
  onSelectionChange,
  empty,
}: {
  rows: CopyRow[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  canOperate: boolean;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  empty: ReactNode;
}) {
  const columns = useMemo(() => copyColumns(canOperate), [canOperate]);
  // Live progress for the rows in the DOM alone: off-screen rows catch up as they scroll in.
  const watchRows = useWatchSetter();
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      getRowId={copyId}
      sorting={sorting}
      onSortingChange={onSortingChange}
      label="Copies table"
      tableLabel="Copy relationships"
      empty={empty}
      // No minimum width: narrower boxes hide the columns marked hideBelowPx (copy-columns.tsx) instead of scrolling sideways.
      rowHeightPx={COPY_ROW_HEIGHT_PX}
      cardHeightEstimatePx={COPY_CARD_HEIGHT_PX}
      onRenderedRowIdsChange={watchRows}
      rendersSame={sameButLiveFigures}
      {...(canOperate ? { rowSelection: selection, onRowSelectionChange: onSelectionChange } : {})}
    />
  );
}
