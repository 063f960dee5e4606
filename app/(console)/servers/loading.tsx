import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function ServersLoading() {
  return <PageSkeleton label="Loading servers" />;
}
