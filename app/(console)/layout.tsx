// Every console page needs a signed-in user: without one, the visitor goes to sign-in (or, on a
// console with no user yet, to first-run setup) and comes back to the page they asked for.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { setupNeeded } from '@/lib/auth/bootstrap';
import { pageSession } from '@/lib/auth/page-session';
import { LiveUpdatesProvider } from '@/lib/client/live-updates';
import { SessionProvider } from '@/lib/client/session';
import { getNode } from '@/lib/runtime';
import { PATH_HEADER } from '@/lib/security/csp';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await pageSession();
  if (principal === null) {
    if (await setupNeeded(getNode().db)) redirect('/setup');
    const path = (await headers()).get(PATH_HEADER) ?? '/';
    redirect(path === '/' ? '/signin' : `/signin?next=${encodeURIComponent(path)}`);
  }
  const user = { id: principal.userId, username: principal.username, role: principal.role };
  return (
    <SessionProvider user={user}>
      <LiveUpdatesProvider>
        <AppShell>{children}</AppShell>
      </LiveUpdatesProvider>
    </SessionProvider>
  );
}
