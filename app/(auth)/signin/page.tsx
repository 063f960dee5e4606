import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { CredentialsForm } from '@/components/auth/credentials-form';
import { setupNeeded } from '@/lib/auth/bootstrap';
import { pageSession } from '@/lib/auth/page-session';
import { safeNextPath } from '@/lib/client/safe-next';
import { getNode } from '@/lib/runtime';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === 'string' ? raw : undefined);
  if (await setupNeeded(getNode().db)) redirect('/setup');
  if (await pageSession()) redirect(next);
  return (
    <AuthCard title="Sign in" subtitle="Sign in to manage the storage fleet and its copies.">
      <CredentialsForm endpoint="/api/session" submitLabel="Sign in" next={next} />
    </AuthCard>
  );
}
