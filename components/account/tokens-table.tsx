'use client';
// API tokens, one dense row each: what the token is called, the first characters of its secret
// (enough to recognise it in a script), the role it carries, and when it was used and expires.
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import '@/components/ui/column-meta';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { wallTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import { RoleBadge } from '@/components/users/role-badge';
import { roleRank } from '@/lib/client/roles';
import type { ApiToken } from '@/lib/client/use-tokens';

const column = createColumnHelper<ApiToken>();

/** The id of a token's Revoke button, where focus goes back when its dialog is cancelled. */
export function revokeButtonId(token: Pick<ApiToken, 'id'>): string {
  return `revoke-token-${token.id}`;
}

export function revokeLabel(token: ApiToken, showOwner: boolean): string {
  return showOwner ? `Revoke token ${token.name} of ${token.username}` : `Revoke token ${token.name}`;
}

function When({ iso, none }: { iso: string | null; none: string }) {
  if (iso === null) return <span className="text-xs text-fg-subtle">{none}</span>;
  return <ClockTime time={wallTime(iso)} className="font-mono text-xs text-fg-muted" />;
}

function tokenColumns(showOwner: boolean, asOfMs: number, onRevoke: (token: ApiToken) => void) {
  const owner = column.accessor('username', {
    id: 'owner',
    header: 'Owner',
    sortingFn: 'alphanumeric',
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
  });
  const rest = [
    column.accessor('name', {
      id: 'name',
      header: 'Name',
      sortingFn: 'alphanumeric',
      cell: (info) => <span className="font-medium text-fg">{info.getValue()}</span>,
    }),
    column.accessor('prefix', {
      id: 'prefix',
      header: 'Prefix',
      enableSorting: false,
      meta: { width: '9rem' },
      cell: (info) => <code className="font-mono text-xs text-fg-muted">{info.getValue()}…</code>,
    }),
    column.accessor((token) => roleRank(token.role), {
      id: 'role',
      header: 'Role cap',
      meta: { width: '6.5rem' },
      cell: (info) => <RoleBadge role={info.row.original.role} />,
    }),
    column.accessor('createdAt', { id: 'created', header: 'Created', meta: { width: '10.5rem' }, cell: (info) => <When iso={info.getValue()} none="" /> }),
    column.accessor((token) => token.lastUsedAt ?? undefined, {
      id: 'lastUsed',
      header: 'Last used',
      sortUndefined: 'last',
      meta: { width: '10.5rem' },
      cell: (info) => <When iso={info.row.original.lastUsedAt} none="never" />,
    }),
    column.accessor((token) => token.expiresAt ?? undefined, {
      id: 'expires',
      header: 'Expires',
      sortUndefined: 'last',
      meta: { width: '12rem' },
      cell: (info) => {
        const expiresAt = info.row.original.expiresAt;
        const expired = expiresAt !== null && Date.parse(expiresAt) <= asOfMs;
        return (
          <span className="flex items-center gap-1.5">
            <When iso={expiresAt} none="never" />
            {expired && <Badge tone="warn">expired</Badge>}
          </span>
        );
      },
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: '5rem', align: 'right' },
      cell: (info) => (
        <Button
          id={revokeButtonId(info.row.original)}
          size="sm"
          variant="ghost"
          aria-label={revokeLabel(info.row.original, showOwner)}
          onClick={() => onRevoke(info.row.original)}
          className="hover:bg-bad-soft hover:text-bad"
        >
          Revoke
        </Button>
      ),
    }),
  ];
  return showOwner ? [owner, ...rest] : rest;
}

/** `asOfMs`: when the list was fetched, to mark tokens already expired then. */
export function TokensTable({
  tokens,
  label,
  showOwner = false,
  asOfMs,
  onRevoke,
}: {
  tokens: ApiToken[];
  label: string;
  showOwner?: boolean;
  asOfMs: number;
  onRevoke: (token: ApiToken) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => tokenColumns(showOwner, asOfMs, onRevoke), [showOwner, asOfMs, onRevoke]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: tokens,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: (token) => token.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} label={label} minWidth={showOwner ? '860px' : '760px'} />;
}
