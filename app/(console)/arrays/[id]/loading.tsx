import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function ArrayLoading() {
  return <PageSkeleton label="Loading array" />;
}
