import Link from 'next/link';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';

export default function NotFound() {
  return (
    <PageFrame>
      <Panel>
        <EmptyState
          title="Page not found"
          action={
            <Link href="/" className="text-accent hover:underline">
              Go to the dashboard
            </Link>
          }
        >
          There is no page at this address.
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}
