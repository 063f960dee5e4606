'use client';
// The users, one dense row each; the sort is the page's (kept in the URL), the search filters rows
// before they get here.
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useMemo } from 'react';
import '@/components/ui/column-meta';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { wallTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import { roleRank } from '@/lib/client/roles';
import type { User } from '@/lib/client/use-users';
import type { UserSortColumn } from '@/lib/client/user-url-state';
import { RoleBadge } from './role-badge';
import { UserActionsMenu, type UserAction } from './user-actions-menu';

const column = createColumnHelper<User>();

function Timestamp({ iso }: { iso: string }) {
  return <ClockTime time={wallTime(iso)} className="font-mono text-xs text-fg-muted" />;
}

function Count({ value }: { value: number }) {
  return <span className={value === 0 ? 'text-fg-subtle tabular-nums' : 'tabular-nums'}>{value.toLocaleString('en-US')}</span>;
}

function userColumns(selfId: string | undefined, onAction: (action: UserAction, user: User) => void) {
  return [
    column.accessor('username', {
      id: 'username' satisfies UserSortColumn,
      header: 'Username',
      sortingFn: 'alphanumeric',
      cell: (info) => (
        <span className="flex items-center gap-1.5">
          <span className="font-medium text-fg">{info.getValue()}</span>
          {info.row.original.id === selfId && (
            <Badge tone="neutral" title="The user you are signed in as">
              you
            </Badge>
          )}
        </span>
      ),
    }),
    column.accessor((user) => roleRank(user.role), {
      id: 'role' satisfies UserSortColumn,
      header: 'Role',
      meta: { width: '7rem' },
      cell: (info) => <RoleBadge role={info.row.original.role} />,
    }),
    column.accessor('createdAt', {
      id: 'created' satisfies UserSortColumn,
      header: 'Created',
      meta: { width: '11rem' },
      cell: (info) => <Timestamp iso={info.getValue()} />,
    }),
    column.accessor((user) => user.lastSeenAt ?? undefined, {
      id: 'lastSeen' satisfies UserSortColumn,
      header: 'Last seen',
      sortUndefined: 'last',
      meta: { width: '11rem' },
      cell: (info) => {
        const iso = info.getValue();
        return iso === undefined ? <span className="text-xs text-fg-subtle">not signed in</span> : <Timestamp iso={iso} />;
      },
    }),
    column.accessor('sessions', {
      id: 'sessions' satisfies UserSortColumn,
      header: 'Sessions',
      meta: { width: '6rem', align: 'right' },
      cell: (info) => <Count value={info.getValue()} />,
    }),
    column.accessor('tokens', {
      id: 'tokens' satisfies UserSortColumn,
      header: 'API tokens',
      meta: { width: '6.5rem', align: 'right' },
      cell: (info) => <Count value={info.getValue()} />,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: '3rem', align: 'right' },
      cell: (info) => <UserActionsMenu user={info.row.original} onAction={onAction} />,
    }),
  ];
}

export function UsersTable({
  users,
  selfId,
  sorting,
  onSortingChange,
  onAction,
}: {
  users: User[];
  selfId: string | undefined;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onAction: (action: UserAction, user: User) => void;
}) {
  const columns = useMemo(() => userColumns(selfId, onAction), [selfId, onAction]);
  const handleSorting = (updater: Updater<SortingState>) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: users,
    columns,
    state: { sorting },
    onSortingChange: handleSorting,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: (user) => user.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} label="Users" minWidth="720px" />;
}
