import { CopyDetailSkeleton } from '@/components/copy-detail/copy-detail-view';

export default function CopyLoading() {
  return <CopyDetailSkeleton />;
}
