import type { Metadata } from 'next';
import { CopiesView } from '@/components/copies/copies-view';

export const metadata: Metadata = { title: 'Copies' };

export default function CopiesPage() {
  return <CopiesView />;
}
