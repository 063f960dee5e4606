import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { PageFrame } from './page-frame';

/** loading.tsx content: a title bar and a table-shaped placeholder. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <PageFrame>
      <Skeleton className="h-6 w-48" />
      <Skeleton className="h-4 w-80" />
      <div className="rounded border border-line bg-surface">
        <TableSkeleton label={label} rows={10} columns={6} />
      </div>
    </PageFrame>
  );
}
