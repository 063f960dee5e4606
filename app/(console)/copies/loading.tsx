import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function CopiesLoading() {
  return <PageSkeleton label="Loading copy relationships" />;
}
