'use client';
// The Users page (admins only): who can sign in, with which role, and the actions on each of them;
// below, every API token in the console.
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { SearchBox } from '@/components/ui/search-box';
import { useSessionUser } from '@/lib/client/session';
import { useUrlState } from '@/lib/client/use-url-state';
import { useUsers, type User } from '@/lib/client/use-users';
import { isUserSortColumn, matchesUserSearch, parseUserView, serializeUserView, type UserViewState } from '@/lib/client/user-url-state';
import { AddUserDialog } from './add-user-dialog';
import { AllTokensPanel } from './all-tokens-panel';
import { ChangeRoleDialog } from './change-role-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import type { UserAction } from './user-actions-menu';
import { DeleteUserDialog, SignOutUserDialog } from './user-confirm-dialogs';
import { UsersTable } from './users-table';

function toSorting(view: UserViewState): SortingState {
  return view.sort === null ? [] : [{ id: view.sort, desc: view.descending }];
}

export function UsersView() {
  const self = useSessionUser();
  const [view, update] = useUrlState(parseUserView, serializeUserView);
  const users = useUsers();
  const rows = useMemo(() => (users.data ?? []).filter((user) => matchesUserSearch(user.username, view.q)), [users.data, view.q]);
  const [acting, setActing] = useState<{ action: UserAction; user: User } | null>(null);
  const onAction = useCallback((action: UserAction, user: User) => setActing({ action, user }), []);
  const onSortingChange = useCallback(
    (sorting: SortingState) => {
      const first = sorting[0];
      update((current) => ({ ...current, sort: isUserSortColumn(first?.id) ? first.id : null, descending: first?.desc ?? false }));
    },
    [update],
  );
  const close = useCallback(() => setActing(null), []);
  const target = (action: UserAction) => (acting?.action === action ? acting.user : null);
  const isSelf = acting !== null && acting.user.id === self?.id;

  const total = users.data?.length ?? 0;
  const countText = users.isPending
    ? 'Loading users…'
    : view.q === ''
      ? `${total} ${total === 1 ? 'user' : 'users'} may sign in to this console.`
      : `${rows.length} of ${total} ${total === 1 ? 'user matches' : 'users match'} “${view.q}”.`;

  return (
    <PageFrame>
      <PageHeader
        title="Users"
        description={
          <span aria-live="polite" data-testid="user-count">
            {countText}
          </span>
        }
        actions={<AddUserDialog />}
      />
      <div role="search" aria-label="Filter users" className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchBox
          id="user-search"
          label="Search users"
          placeholder="Search by username"
          value={view.q}
          onChange={(q) => update((current) => ({ ...current, q }))}
        />
        {view.q !== '' && (
          <Button size="sm" variant="ghost" onClick={() => update((current) => ({ ...current, q: '' }))}>
            Clear search
          </Button>
        )}
      </div>
      {users.isError ? (
        <ErrorState title="Could not load the users" error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Panel bodyClassName="overflow-x-auto">
          {users.isPending ? (
            <TableSkeleton label="Loading users" rows={5} columns={6} />
          ) : rows.length === 0 ? (
            <EmptyState title={view.q === '' ? 'No users' : 'No users match this search'}>
              {view.q === '' ? 'Add a user to let them sign in.' : 'Change or clear the search to see more.'}
            </EmptyState>
          ) : (
            <UsersTable users={rows} selfId={self?.id} sorting={toSorting(view)} onSortingChange={onSortingChange} onAction={onAction} />
          )}
        </Panel>
      )}
      <AllTokensPanel />
      <ChangeRoleDialog user={target('role')} isSelf={isSelf} onClose={close} />
      <ResetPasswordDialog user={target('password')} isSelf={isSelf} onClose={close} />
      <SignOutUserDialog user={target('signOut')} isSelf={isSelf} onClose={close} />
      <DeleteUserDialog user={target('delete')} isSelf={isSelf} onClose={close} />
    </PageFrame>
  );
}
