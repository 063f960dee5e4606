'use client';
// Each user row's actions in one menu button, so the table stays dense: arrow keys move through
// the items, Enter picks one, Escape closes; every choice opens a dialog that asks first.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import clsx from 'clsx';
import { MoreIcon } from '@/components/ui/icons';
import type { User } from '@/lib/client/use-users';

export type UserAction = 'role' | 'password' | 'signOut' | 'delete';

const ITEM_CLASSES = 'flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] outline-none data-[highlighted]:bg-surface-hover';

/** The id of a row's menu button, where focus goes back after its dialog closes. */
export function userActionsId(user: Pick<User, 'id'>): string {
  return `user-actions-${user.id}`;
}

export function UserActionsMenu({ user, onAction }: { user: User; onAction: (action: UserAction, user: User) => void }) {
  const item = (action: UserAction, label: string, danger = false) => (
    <DropdownMenu.Item className={clsx(ITEM_CLASSES, danger ? 'text-bad data-[highlighted]:bg-bad-soft' : 'text-fg')} onSelect={() => onAction(action, user)}>
      {label}
    </DropdownMenu.Item>
  );
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        id={userActionsId(user)}
        aria-label={`Actions for ${user.username}`}
        className="rounded p-1 text-fg-subtle hover:bg-surface-hover hover:text-fg data-[state=open]:bg-surface-hover data-[state=open]:text-fg"
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded border border-line bg-surface p-1 shadow-lg">
          {item('role', 'Change role…')}
          {item('password', 'Reset password…')}
          {item('signOut', 'Sign out everywhere…')}
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          {item('delete', 'Delete user…', true)}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
