import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServersView } from '@/components/servers/servers-view';
import { PageSkeleton } from '@/components/shell/page-skeleton';

export const metadata: Metadata = { title: 'Copy Services Servers' };

export default function ServersPage() {
  // The filter and sorts are in the URL query, which only the browser knows when the page is prerendered.
  return (
    <Suspense fallback={<PageSkeleton label="Loading servers" />}>
      <ServersView />
    </Suspense>
  );
}
