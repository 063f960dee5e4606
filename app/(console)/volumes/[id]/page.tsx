import type { Metadata } from 'next';
import { VolumeDetailView } from '@/components/volume-detail/volume-detail-view';

export const metadata: Metadata = { title: 'Volume' };

export default async function VolumePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VolumeDetailView volumeId={id} />;
}
