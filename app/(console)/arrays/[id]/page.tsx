import type { Metadata } from 'next';
import { ArrayDetailView } from '@/components/arrays/array-detail-view';

export const metadata: Metadata = { title: 'Array' };

export default async function ArrayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ArrayDetailView arrayId={id} />;
}
