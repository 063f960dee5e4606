'use client';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useArrays } from '@/lib/client/use-arrays';
import { ArraysTable } from './arrays-table';

export function ArraysView() {
  const arrays = useArrays();
  const count = arrays.data?.length;
  return (
    <PageFrame>
      <PageHeader
        title="Arrays"
        description={
          count === undefined
            ? 'Storage arrays in the fleet.'
            : `${count} storage ${count === 1 ? 'array' : 'arrays'} in the fleet, each with controllers A and B.`
        }
      />
      {arrays.isError ? (
        <ErrorState title="Could not load the arrays" error={arrays.error} onRetry={() => void arrays.refetch()} />
      ) : (
        <Panel bodyClassName="overflow-x-auto">
          {arrays.isPending ? (
            <TableSkeleton label="Loading arrays" rows={4} columns={6} />
          ) : arrays.data.length === 0 ? (
            <EmptyState title="No arrays yet">The inventory holds no storage arrays.</EmptyState>
          ) : (
            <ArraysTable arrays={arrays.data} />
          )}
        </Panel>
      )}
    </PageFrame>
  );
}
