import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/shell/page-skeleton';
import { AdminOnly } from '@/components/users/admin-only';
import { UsersView } from '@/components/users/users-view';
import { pageSession } from '@/lib/auth/page-session';
import { roleMay } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  // The console layout already required a session; here the role decides what the page is.
  const principal = await pageSession();
  if (principal === null || !roleMay(principal.role, 'admin'))
    return <AdminOnly username={principal?.username ?? 'nobody'} role={principal?.role ?? 'monitor'} />;
  // The search and sort are in the URL query, which only the browser knows when the page is prerendered.
  return (
    <Suspense fallback={<PageSkeleton label="Loading users" />}>
      <UsersView />
    </Suspense>
  );
}
