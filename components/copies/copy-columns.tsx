'use client';
// Column definitions of the Copies table. Widths are fixed so virtualized rows never shift the
// columns; rate, ETA and differential have columns of their own so they can be sorted. A copy is
// known by its name (fcmap0, or what its creator or a rename gave it): that cell opens its page,
// and the volume cells open the volumes'. Below md each copy is a card (VirtualTable's cardSlot):
// checkbox, name and Actions on its first line, then Service, Array, Source, Target, State and
// Progress (rate and ETA under the bar) as labelled lines; names wrap there instead of truncating.
import { createColumnHelper, type Table } from '@tanstack/react-table';
import Link from 'next/link';
import '@/components/ui/column-meta';
import { simulatedTime } from '@/lib/client/clock-format';
import { copyTypeName } from '@/lib/client/copy-services';
import { ClockTime } from '@/components/ui/clock-time';
import { useCardLayout } from '@/components/ui/virtual-table';
import { volumeHref } from '@/components/volumes/volume-href';
import type { CopySortColumn } from '@/lib/client/copy-url-state';
import { formatBytes } from '@/lib/units';
import { useLiveCopy } from '@/lib/client/live-progress';
import { CopyActionsMenu } from './copy-actions-menu';
import { formatRate } from '@/lib/units';
import { CopyProgressBar, formatDuration, LIVE_FIGURE_BOX } from './copy-progress';
import { describeCopy, type CopyRow } from './copy-row';
import { CopyStateBadge, isNotStarted } from './copy-state-badge';

const column = createColumnHelper<CopyRow>();

// Bigger on a card, where a finger rather than a pointer ticks it.
const CHECKBOX_CLASSES = 'size-3.5 accent-[var(--accent)] max-md:size-5';

function SelectAll({ table }: { table: Table<CopyRow> }) {
  return (
    <input
      type="checkbox"
      aria-label="Select every copy shown"
      checked={table.getIsAllRowsSelected()}
      ref={(input) => {
        if (input) input.indeterminate = table.getIsSomeRowsSelected();
      }}
      onChange={table.getToggleAllRowsSelectedHandler()}
      className={CHECKBOX_CLASSES}
    />
  );
}

function VolumeCell({ id, name }: { id: string; name: string }) {
  return (
    <Link href={volumeHref(id)} prefetch={false} className="block truncate font-mono text-xs text-fg hover:text-accent hover:underline" title={name}>
      {name}
    </Link>
  );
}

/**
 * The Progress cell: the bar, and on a card the rate and ETA under it (the table has columns for
 * them). A table row gets the bar alone, without a wrapper it has no use for.
 */
function ProgressCell({ row }: { row: CopyRow }) {
  if (!useCardLayout()) return <CopyProgressBar copy={row} />;
  return (
    <div className="w-48">
      <CopyProgressBar copy={row} />
      <CardRateLine row={row} />
    </div>
  );
}

/** The line keeps its height when the copy is not moving, so a card's height never changes with a progress push. */
function CardRateLine({ row }: { row: CopyRow }) {
  const { progress } = useLiveCopy(row);
  const moving = progress.rateBytesPerSec > 0;
  return (
    <span className="mt-0.5 block h-4 text-[11px] text-fg-muted tabular-nums" data-testid="copy-card-rate">
      {moving ? `${formatRate(progress.rateBytesPerSec)}${progress.etaSeconds === null ? '' : ` · ETA ${formatDuration(progress.etaSeconds)}`}` : '\u00a0'}
    </span>
  );
}

// The cells of figures that progress moves read the copy's pushed figures (useLiveCopy): a push
// renders those cells alone, not the row, and the sort keys come from the list, which takes the
// figures in a moment later (live-updates.tsx).
// Each is one LIVE_FIGURE_BOX holding its text: the new text lays out and paints the box, not the
// table, and a row scrolled into view builds one element per figure rather than two.
const FIGURE_CELL = `${LIVE_FIGURE_BOX} block leading-5`;
const FIGURE_TEXT = `${FIGURE_CELL} text-xs tabular-nums`;
const FIGURE_NONE = `${FIGURE_CELL} text-fg-subtle`;

function RateCell({ row }: { row: CopyRow }) {
  const { rateBytesPerSec } = useLiveCopy(row).progress;
  return rateBytesPerSec > 0 ? <span className={FIGURE_TEXT}>{formatRate(rateBytesPerSec)}</span> : <span className={FIGURE_NONE}>—</span>;
}

function EtaCell({ row }: { row: CopyRow }) {
  const { etaSeconds, rateBytesPerSec } = useLiveCopy(row).progress;
  return etaSeconds === null || rateBytesPerSec <= 0 ? (
    <span className={FIGURE_NONE}>—</span>
  ) : (
    <span className={FIGURE_TEXT}>{formatDuration(etaSeconds)}</span>
  );
}

function DifferentialCell({ row }: { row: CopyRow }) {
  const { differentialBytes } = useLiveCopy(row);
  return differentialBytes > 0 ? <span className={FIGURE_TEXT}>{formatBytes(differentialBytes)}</span> : <span className={FIGURE_NONE}>—</span>;
}

/**
 * The state as the newest push has it (useLiveCopy takes pushed whole copies too): a state change
 * shows when it arrives, not when the 1,000-row list has been rebuilt and rendered.
 */
function StateCell({ row }: { row: CopyRow }) {
  const copy = useLiveCopy(row);
  return <CopyStateBadge state={copy.state} notStarted={isNotStarted(copy)} />;
}

function UpdatedCell({ row }: { row: CopyRow }) {
  const { updatedAt } = useLiveCopy(row);
  return <ClockTime time={simulatedTime(updatedAt)} className={`${LIVE_FIGURE_BOX} block font-mono text-xs leading-5 text-fg-muted`} />;
}

// Links in rows do not prefetch: every row scrolled into view would otherwise fetch its page from
// the server (an RSC request each), hundreds of them while a 1,000-row table scrolls by.

/** `canOperate` false: no selection and no actions column (the server refuses them anyway). */
export function copyColumns(canOperate: boolean) {
  const columns = [
    column.accessor('name', {
      id: 'name' satisfies CopySortColumn,
      header: 'Name',
      sortingFn: 'alphanumeric',
      meta: { width: '8rem', cardSlot: 'title' },
      cell: (info) => (
        <Link
          href={`/copies/${info.row.original.id}`}
          prefetch={false}
          className="block truncate font-mono text-xs text-accent hover:underline max-md:text-[13px] max-md:font-semibold"
          title={`Open ${describeCopy(info.row.original)}`}
        >
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor('type', {
      id: 'type' satisfies CopySortColumn,
      // "Service" on a card, the word of the page's filter: without the column's neighbours "Type" says little.
      header: () => (
        <>
          <span className="max-md:hidden">Type</span>
          <span className="md:hidden">Service</span>
        </>
      ),
      // 8rem: "FlashCopy mapping" whole; the longest service word is cut with its full name on hover.
      meta: { width: '8rem', hideBelowPx: 900, cardLabel: 'Service' },
      // The vendor's name for the relationship: "flashcopy" alone cannot tell a Storwize mapping from a DS6000 relationship.
      cell: (info) => {
        const name = copyTypeName(info.row.original.model);
        return (
          <span className="block truncate text-xs" title={name}>
            {name}
          </span>
        );
      },
    }),
    column.accessor('arrayName', {
      id: 'array' satisfies CopySortColumn,
      header: 'Array',
      meta: { width: '8rem', hideBelowPx: 760 },
      cell: (info) => (
        <Link href={`/arrays/${info.row.original.arrayId}`} prefetch={false} className="block truncate text-accent hover:underline" title={info.getValue()}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor('sourceName', {
      id: 'source' satisfies CopySortColumn,
      header: 'Source',
      sortingFn: 'alphanumeric',
      // No width: source and target share what the fixed columns leave.
      meta: { hideBelowPx: 600 },
      cell: (info) => <VolumeCell id={info.row.original.sourceVolumeId} name={info.getValue()} />,
    }),
    column.accessor('targetName', {
      id: 'target' satisfies CopySortColumn,
      header: 'Target',
      sortingFn: 'alphanumeric',
      meta: { hideBelowPx: 600 },
      cell: (info) => <VolumeCell id={info.row.original.targetVolumeId} name={info.getValue()} />,
    }),
    column.accessor('state', {
      id: 'state' satisfies CopySortColumn,
      header: 'State',
      meta: { width: '7.5rem' },
      cell: (info) => <StateCell row={info.row.original} />,
    }),
    column.accessor((row) => row.progress.percent, {
      id: 'progress' satisfies CopySortColumn,
      header: 'Progress',
      meta: { width: '6.5rem', hideBelowPx: 680 },
      cell: (info) => <ProgressCell row={info.row.original} />,
    }),
    column.accessor((row) => row.progress.rateBytesPerSec, {
      id: 'rate' satisfies CopySortColumn,
      header: 'Rate',
      meta: { width: '5.5rem', align: 'right', hideBelowPx: 1000, cardSlot: 'hidden' },
      cell: (info) => <RateCell row={info.row.original} />,
    }),
    column.accessor((row) => row.progress.etaSeconds ?? Number.POSITIVE_INFINITY, {
      id: 'eta' satisfies CopySortColumn,
      header: 'ETA',
      meta: { width: '5rem', align: 'right', hideBelowPx: 1000, cardSlot: 'hidden' },
      cell: (info) => <EtaCell row={info.row.original} />,
    }),
    column.accessor('differentialBytes', {
      id: 'differential' satisfies CopySortColumn,
      header: 'Differential',
      // Differential and Updated give way first: at 1440×900 the names and Actions matter more.
      // Both stay off the cards too: a phone has the copy's page for them.
      meta: { width: '6.5rem', align: 'right', hideBelowPx: 1400, cardSlot: 'hidden' },
      cell: (info) => <DifferentialCell row={info.row.original} />,
    }),
    column.accessor('updatedAt', {
      id: 'updated' satisfies CopySortColumn,
      header: 'Updated',
      meta: { width: '9.5rem', hideBelowPx: 1560, cardSlot: 'hidden' },
      cell: (info) => <UpdatedCell row={info.row.original} />,
    }),
  ];
  if (!canOperate) return columns;
  return [
    column.display({
      id: 'select',
      header: ({ table }) => <SelectAll table={table} />,
      meta: { width: '2.25rem', hideBelowPx: 480, cardSlot: 'select' },
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${describeCopy(row.original)}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          className={CHECKBOX_CLASSES}
        />
      ),
    }),
    ...columns,
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: '6.5rem', align: 'right', cardSlot: 'actions' },
      cell: (info) => <CopyActionsMenu copy={info.row.original} describe={describeCopy(info.row.original)} />,
    }),
  ];
}
