import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function ArraysLoading() {
  return <PageSkeleton label="Loading arrays" />;
}
