'use client';
import { useEffect } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { PageFrame } from './page-frame';

/** The fallback of every error.tsx: what failed, and a retry that re-renders the segment. */
export function RouteError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <PageFrame>
      <ErrorState title={title} error={error} onRetry={retry} />
    </PageFrame>
  );
}
