import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { CredentialsForm } from '@/components/auth/credentials-form';
import { setupNeeded } from '@/lib/auth/bootstrap';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/passwords';
import { getNode } from '@/lib/runtime';

export const metadata: Metadata = { title: 'Set up' };

/** First-run setup: exists only while the console has no user; afterwards it sends people to sign in. */
export default async function SetupPage() {
  if (!(await setupNeeded(getNode().db))) redirect('/signin');
  return (
    <AuthCard title="Create the first admin" subtitle="This console has no users yet. The admin you create here can add operators and monitors.">
      <CredentialsForm
        endpoint="/api/setup"
        submitLabel="Create admin and sign in"
        next="/"
        newPassword
        passwordHint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
    </AuthCard>
  );
}
