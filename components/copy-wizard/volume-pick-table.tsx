'use client';
// A table of an array's volumes to pick from: a radio (one) or checkbox (several) per row, whose
// label is the volume's name, so keyboard users tab into the table and choose with arrows or
// Space. A row that cannot be picked shows why, and its control is disabled.
import { getCoreRowModel, getSortedRowModel, useReactTable, createColumnHelper, type SortingFn, type SortingState } from '@tanstack/react-table';
import clsx from 'clsx';
import { useMemo, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { VolumeStatusBadge } from '@/components/volumes/volume-status-badge';
import { toBigBytes } from '@/lib/client/types';
import type { PickRow } from '@/lib/client/wizard-plan';
import { formatBytes } from '@/lib/units';

export type { PickRow } from '@/lib/client/wizard-plan';

const column = createColumnHelper<PickRow>();
// One array for "unsorted": a fresh [] per render would recompute the row model every render.
const UNSORTED: SortingState = [];

const byCapacity: SortingFn<PickRow> = (a, b) => {
  const left = toBigBytes(a.original.capacityBytes);
  const right = toBigBytes(b.original.capacityBytes);
  return left < right ? -1 : left > right ? 1 : 0;
};

function Roles({ roles }: { roles: string[] }) {
  if (roles.length === 0) return <span className="text-fg-subtle">none</span>;
  return (
    <span className="flex gap-1">
      {roles.map((role) => (
        <Badge key={role} tone="accent">
          {role}
        </Badge>
      ))}
    </span>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return <Badge tone="ok">eligible</Badge>;
  return (
    <ul className="flex flex-col gap-0.5 py-1 text-xs whitespace-normal text-fg-muted" data-testid="ineligible-reasons">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

export function VolumePickTable({
  rows,
  label,
  name,
  multiple,
  chosen,
  onChoose,
  sorting,
  onSortingChange,
  empty,
}: {
  rows: PickRow[];
  label: string;
  /** The radio group's name. */
  name: string;
  multiple: boolean;
  chosen: readonly string[];
  onChoose: (volumeId: string, picked: boolean) => void;
  /** Absent: rows keep the given order and headers do not sort. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  empty?: ReactNode;
}) {
  const withReasons = rows.some((row) => row.reasons !== null);
  const columns = useMemo(
    () => [
      column.display({
        id: 'pick',
        header: () => <span className="sr-only">Choose</span>,
        meta: { width: '2.25rem' },
        cell: (info) => {
          const row = info.row.original;
          const blocked = row.reasons !== null && row.reasons.length > 0;
          return (
            <input
              id={`${name}-${row.id}`}
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={row.id}
              checked={chosen.includes(row.id)}
              disabled={blocked}
              onChange={(event) => onChoose(row.id, event.target.checked)}
              aria-describedby={blocked ? `${name}-${row.id}-why` : undefined}
              className="size-3.5 accent-(--accent)"
            />
          );
        },
      }),
      column.accessor('name', {
        id: 'name',
        header: 'Name',
        sortingFn: 'alphanumeric',
        meta: { width: withReasons ? '18%' : '30%' },
        cell: (info) => (
          <label
            htmlFor={`${name}-${info.row.original.id}`}
            className={clsx('block truncate font-mono text-xs', info.row.original.reasons?.length ? 'text-fg-muted' : 'cursor-pointer text-fg')}
            title={info.getValue()}
          >
            {info.getValue()}
          </label>
        ),
      }),
      column.accessor('capacityBytes', {
        id: 'capacity',
        header: 'Size',
        sortingFn: byCapacity,
        meta: { width: '6rem', align: 'right' },
        cell: (info) => <span className="tabular-nums">{formatBytes(toBigBytes(info.getValue()))}</span>,
      }),
      column.accessor('poolName', {
        id: 'pool',
        header: 'Pool',
        meta: { width: withReasons ? '12%' : '18%' },
        cell: (info) => <span className="block truncate">{info.getValue()}</span>,
      }),
      column.accessor('currentOwner', {
        id: 'owner',
        header: 'Owner',
        meta: { width: '6.5rem' },
        cell: (info) =>
          info.getValue() === info.row.original.preferredOwner ? `controller ${info.getValue()}` : <Badge tone="warn">{`${info.getValue()} · moved`}</Badge>,
      }),
      column.accessor((row) => row.roles.join(', '), {
        id: 'roles',
        header: 'Roles',
        meta: { width: '8rem' },
        cell: (info) => <Roles roles={info.row.original.roles} />,
      }),
      column.accessor('status', { id: 'status', header: 'Status', meta: { width: '6rem' }, cell: (info) => <VolumeStatusBadge status={info.getValue()} /> }),
      ...(withReasons
        ? [
            column.display({
              id: 'eligibility',
              header: 'Eligibility',
              meta: { width: '36%' },
              cell: (info) => (
                <div id={`${name}-${info.row.original.id}-why`}>
                  <Reasons reasons={info.row.original.reasons ?? []} />
                </div>
              ),
            }),
          ]
        : []),
    ],
    [name, multiple, chosen, onChoose, withReasons],
  );
  const sortable = sorting !== undefined && onSortingChange !== undefined;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableSorting: sortable,
    sortDescFirst: false,
    state: { sorting: sorting ?? UNSORTED },
    // Nothing here pages or expands: TanStack's automatic resets would only queue state updates.
    autoResetAll: false,
    onSortingChange: (updater) => {
      if (!sortable) return;
      onSortingChange(typeof updater === 'function' ? updater(sorting ?? UNSORTED) : updater);
    },
  });
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className="max-h-[28rem] overflow-auto rounded border border-line [&_thead]:sticky [&_thead]:top-0 [&_thead]:z-10" data-testid={`${name}-table`}>
      <DataTable table={table} label={label} minWidth="56rem" />
    </div>
  );
}
