'use client';
// Who is signed in, with their role, and the way out: this browser, or every browser at once.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { toast } from 'sonner';
import { AccountIcon, SignOutIcon } from '@/components/ui/icons';
import { MENU_CONTENT_CLASSES, MENU_ITEM_CLASSES as ITEM_CLASSES, MENU_SEPARATOR_CLASSES } from '@/components/ui/menu-classes';
import { isApiError } from '@/lib/client/api-error';
import { hardNavigate, whileSigningOut } from '@/lib/client/hard-navigate';
import { deleteJson } from '@/lib/client/fetch-json';
import { useSessionUser } from '@/lib/client/session';

async function signOut(everywhere: boolean): Promise<void> {
  try {
    await whileSigningOut(() => deleteJson(everywhere ? '/api/session?everywhere=true' : '/api/session'));
    hardNavigate('/signin');
  } catch (error) {
    toast.error(`Could not sign out: ${isApiError(error) ? error.message : 'the server did not answer'}`);
  }
}

export function UserMenu() {
  const user = useSessionUser();
  if (user === null) return null;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Signed in as ${user.username} (${user.role}); account menu`}
        className="inline-flex h-7 min-w-0 items-center gap-2 rounded px-2 text-fg-muted hover:bg-surface-hover hover:text-fg"
      >
        <AccountIcon className="shrink-0" />
        <span className="truncate text-xs font-medium text-fg">{user.username}</span>
        <span className="rounded bg-surface-hover px-1 text-[11px] text-fg-muted" data-testid="session-role">
          {user.role}
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={4} className={MENU_CONTENT_CLASSES}>
          <DropdownMenu.Item asChild className={ITEM_CLASSES}>
            <Link href="/account">
              <AccountIcon /> Account and API tokens
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className={MENU_SEPARATOR_CLASSES} />
          <DropdownMenu.Item className={ITEM_CLASSES} onSelect={() => void signOut(false)}>
            <SignOutIcon /> Sign out
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM_CLASSES} onSelect={() => void signOut(true)}>
            <SignOutIcon /> Sign out everywhere
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
