import { PageSkeleton } from '@/components/shell/page-skeleton';

export default function VolumesLoading() {
  return <PageSkeleton label="Loading volumes" />;
}
