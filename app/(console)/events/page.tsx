import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EventsView } from '@/components/events/events-view';
import { PageSkeleton } from '@/components/shell/page-skeleton';

export const metadata: Metadata = { title: 'Events' };

export default function EventsPage() {
  return (
    <Suspense fallback={<PageSkeleton label="Loading events" />}>
      <EventsView />
    </Suspense>
  );
}
