import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function EventsLoading() {
  return <PageSkeleton label="Loading events" />;
}
