import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CopiesView } from '@/components/copies/copies-view';
import { PageSkeleton } from '@/components/shell/page-skeleton';

export const metadata: Metadata = { title: 'Copies' };

export default function CopiesPage() {
  // The view state is in the URL query, which only the browser knows when the page is prerendered.
  return (
    <Suspense fallback={<PageSkeleton label="Loading copy relationships" />}>
      <CopiesView />
    </Suspense>
  );
}
