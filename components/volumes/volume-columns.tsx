'use client';
// Column definitions of the Volumes table. Widths are fixed so that virtualized rows, rendered
// a screenful at a time, never shift the columns: names share the room, short values get rem.
import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import '@/components/ui/column-meta';
import * as Tooltip from '@radix-ui/react-tooltip';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TrashIcon } from '@/components/ui/icons';
import { formatBytes } from '@/lib/units';
import { toBigBytes } from '@/lib/client/types';
import type { VolumeSortColumn } from '@/lib/client/volume-url-state';
import type { VolumeRow } from './volume-row';
import { volumeHref } from './volume-href';
import { VolumeStatusBadge } from './volume-status-badge';

const column = createColumnHelper<VolumeRow>();

const byCapacity: SortingFn<VolumeRow> = (a, b) => {
  const left = toBigBytes(a.original.capacityBytes);
  const right = toBigBytes(b.original.capacityBytes);
  return left < right ? -1 : left > right ? 1 : 0;
};

function DeleteButton({ row, onDelete }: { row: VolumeRow; onDelete: (row: VolumeRow) => void }) {
  const label = `Delete volume ${row.name}`;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button type="button" aria-label={label} onClick={() => onDelete(row)} className="rounded p-1 text-fg-subtle hover:bg-bad-soft hover:text-bad">
          <TrashIcon />
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content side="left" sideOffset={4} className="z-50 rounded bg-fg px-2 py-1 text-xs text-canvas shadow">
          Delete…
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** `onDelete` null: the user's role may not delete volumes, so there is no actions column at all. */
export function volumeColumns(onDelete: ((row: VolumeRow) => void) | null) {
  const columns = [
    column.accessor('name', {
      id: 'name' satisfies VolumeSortColumn,
      header: 'Name',
      sortingFn: 'alphanumeric',
      meta: { width: '15%' },
      cell: (info) => (
        <Link href={volumeHref(info.row.original.id)} className="block truncate font-mono text-xs text-accent hover:underline" title={info.getValue()}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor('arrayName', {
      id: 'array' satisfies VolumeSortColumn,
      header: 'Array',
      // On a phone name, capacity, status and actions stay; the rest is on the volume's page.
      meta: { width: '13%', hideBelowPx: 640 },
      cell: (info) => (
        <span className="block truncate" title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor('poolName', {
      id: 'pool' satisfies VolumeSortColumn,
      header: 'Pool',
      meta: { width: '15%', hideBelowPx: 900 },
      cell: (info) => (
        <span className="block truncate" title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor('capacityBytes', {
      id: 'capacity' satisfies VolumeSortColumn,
      header: 'Capacity',
      sortingFn: byCapacity,
      meta: { width: '5.5rem', align: 'right' },
      cell: (info) => <span className="tabular-nums">{formatBytes(toBigBytes(info.getValue()))}</span>,
    }),
    column.accessor('preferredOwner', {
      id: 'preferredOwner' satisfies VolumeSortColumn,
      header: 'Preferred owner',
      meta: { width: '8rem', hideBelowPx: 900 },
    }),
    column.accessor('currentOwner', {
      id: 'currentOwner' satisfies VolumeSortColumn,
      header: 'Current owner',
      meta: { width: '7.5rem', hideBelowPx: 760 },
      cell: (info) =>
        info.getValue() === info.row.original.preferredOwner ? (
          info.getValue()
        ) : (
          <Badge tone="warn" title={`Not on its preferred owner (controller ${info.row.original.preferredOwner})`}>
            {info.getValue()} · moved
          </Badge>
        ),
    }),
    column.accessor((row) => row.roles.join(', '), {
      id: 'roles' satisfies VolumeSortColumn,
      header: 'Roles',
      meta: { width: '6rem', hideBelowPx: 640 },
      cell: (info) =>
        info.row.original.roles.length === 0 ? (
          <span className="text-fg-subtle">none</span>
        ) : (
          <span className="flex gap-1 overflow-hidden">
            {info.row.original.roles.map((role) => (
              <Badge key={role} tone="accent">
                {role}
              </Badge>
            ))}
          </span>
        ),
    }),
    column.accessor('status', {
      id: 'status' satisfies VolumeSortColumn,
      header: 'Status',
      meta: { width: '5.5rem' },
      cell: (info) => <VolumeStatusBadge status={info.getValue()} reason={info.row.original.statusReason} />,
    }),
    column.accessor('readOnly', {
      id: 'readOnly' satisfies VolumeSortColumn,
      header: 'Read-only',
      meta: { width: '6rem', hideBelowPx: 760 },
      cell: (info) => (info.getValue() ? <Badge tone="warn">read-only</Badge> : <span className="text-fg-subtle">no</span>),
    }),
  ];
  if (onDelete === null) return columns;
  return [
    ...columns,
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: '2.5rem', align: 'right' },
      cell: (info) => <DeleteButton row={info.row.original} onDelete={onDelete} />,
    }),
  ];
}
