import type { Metadata } from 'next';
import { CopyDetailView } from '@/components/copy-detail/copy-detail-view';

export const metadata: Metadata = { title: 'Copy relationship' };

export default async function CopyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CopyDetailView copyId={id} />;
}
