'use client';
// The Account page, for everyone: who you are and what your role may do, your password, signing
// out every browser, and your API tokens.
import { PageFrame } from '@/components/shell/page-frame';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { RoleBadge } from '@/components/users/role-badge';
import { ROLE_DESCRIPTIONS } from '@/lib/auth/roles';
import { useSessionUser } from '@/lib/client/session';
import { ChangePasswordForm } from './change-password-form';
import { OwnTokensPanel } from './own-tokens-panel';
import { SignOutEverywhere } from './sign-out-everywhere';

export function AccountView() {
  const user = useSessionUser();
  if (user === null) return null; // the console layout renders pages only for a signed-in user
  return (
    <PageFrame>
      <PageHeader title="Account" description="Your sign-in, your password and your API tokens." />
      <div className="grid items-start gap-3 lg:grid-cols-3">
        <Panel title="Signed in as" titleId="account-identity" bodyClassName="p-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="text-fg-muted">Username</dt>
            <dd className="font-medium text-fg" data-testid="account-username">
              {user.username}
            </dd>
            <dt className="text-fg-muted">Role</dt>
            <dd>
              <RoleBadge role={user.role} />
            </dd>
            <dt className="text-fg-muted">May do</dt>
            <dd className="text-fg">{ROLE_DESCRIPTIONS[user.role]}</dd>
          </dl>
        </Panel>
        <Panel title="Change password" titleId="account-password" bodyClassName="p-3">
          <ChangePasswordForm username={user.username} />
        </Panel>
        <Panel title="Sessions" titleId="account-sessions" bodyClassName="p-3">
          <SignOutEverywhere />
        </Panel>
      </div>
      <OwnTokensPanel ownRole={user.role} />
    </PageFrame>
  );
}
