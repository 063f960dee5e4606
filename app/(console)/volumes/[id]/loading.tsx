import { VolumeDetailSkeleton } from '@/components/volume-detail/volume-detail-view';

export default function VolumeLoading() {
  return <VolumeDetailSkeleton />;
}
