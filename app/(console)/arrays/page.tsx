import type { Metadata } from 'next';
import { ArraysView } from '@/components/arrays/arrays-view';

export const metadata: Metadata = { title: 'Arrays' };

export default function ArraysPage() {
  return <ArraysView />;
}
