'use client';
// Who is signed in, with their role, and the way out: this browser, or every browser at once.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { toast } from 'sonner';
import { AccountIcon, SignOutIcon } from '@/components/ui/icons';
import { isApiError } from '@/lib/client/api-error';
import { hardNavigate, whileSigningOut } from '@/lib/client/hard-navigate';
import { deleteJson } from '@/lib/client/fetch-json';
import { useSessionUser } from '@/lib/client/session';

const ITEM_CLASSES = 'flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] text-fg outline-none data-[highlighted]:bg-surface-hover';

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
        <DropdownMenu.Content align="start" sideOffset={4} className="z-50 min-w-44 rounded border border-line bg-surface p-1 shadow-lg">
          <DropdownMenu.Item asChild className={ITEM_CLASSES}>
            <Link href="/account">
              <AccountIcon /> Account and API tokens
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
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
