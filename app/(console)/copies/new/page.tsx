import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CopyWizardView } from '@/components/copy-wizard/copy-wizard-view';
import { PageSkeleton } from '@/components/shell/page-skeleton';

export const metadata: Metadata = { title: 'New copy' };

export default function NewCopyPage() {
  // The wizard's choices are in the URL query, which only the browser knows when the page is prerendered.
  return (
    <Suspense fallback={<PageSkeleton label="Loading the copy wizard" />}>
      <CopyWizardView />
    </Suspense>
  );
}
