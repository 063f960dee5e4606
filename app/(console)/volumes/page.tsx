import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/shell/page-skeleton';
import { VolumesView } from '@/components/volumes/volumes-view';

export const metadata: Metadata = { title: 'Volumes' };

export default function VolumesPage() {
  // The view state is in the URL query, which only the browser knows when the page is prerendered.
  return (
    <Suspense fallback={<PageSkeleton label="Loading volumes" />}>
      <VolumesView />
    </Suspense>
  );
}
