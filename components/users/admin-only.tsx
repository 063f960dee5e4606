import Link from 'next/link';
import { PageFrame } from '@/components/shell/page-frame';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import type { Role } from '@/lib/auth/roles';

/** What a non-admin sees at /users (the API refuses them with 403 anyway). */
export function AdminOnly({ username, role }: { username: string; role: Role }) {
  return (
    <PageFrame>
      <PageHeader title="Users" />
      <Panel>
        <EmptyState
          title="Only administrators can manage users"
          action={
            <Link href="/account" className={buttonClasses('secondary')}>
              Go to your account
            </Link>
          }
        >
          You are signed in as <strong className="font-semibold text-fg">{username}</strong>, {/^[aeiou]/.test(role) ? 'an' : 'a'} {role}. Ask an administrator
          to add users, change roles or reset passwords. Your own password and API tokens are on your Account page.
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}
