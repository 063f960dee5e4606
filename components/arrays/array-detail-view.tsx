'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { Badge } from '@/components/ui/badge';
import { CapacityBar } from '@/components/ui/capacity-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { CreateVolumeDialog } from '@/components/volumes/create-volume-dialog';
import { isApiError } from '@/lib/client/api-error';
import { modelDisplayName } from '@/lib/client/array-models';
import type { StorageArray, Volume } from '@/lib/client/types';
import { useArray } from '@/lib/client/use-arrays';
import { hasGroups } from '@/lib/client/use-consistency-groups';
import { useVolumes } from '@/lib/client/use-volumes';
import { useCan } from '@/lib/client/session';
import { ArrayCopiesPanel } from './array-copies-panel';
import { ArrayGroupsPanel } from './array-groups-panel';
import { ControllerCard } from './controller-card';
import { FaultsPanel } from './faults-panel';
import { PoolsTable } from './pools-table';

function byName(a: Volume, b: Volume): number {
  return a.name.localeCompare(b.name, 'en', { numeric: true });
}

function useArrayVolumes(arrayId: string) {
  const volumes = useVolumes({ arrayId });
  return useMemo(() => {
    if (volumes.data === undefined) return { volumes, byOwner: undefined, countByPool: undefined };
    const sorted = [...volumes.data].sort(byName);
    const byOwner = { A: sorted.filter((v) => v.currentOwner === 'A'), B: sorted.filter((v) => v.currentOwner === 'B') };
    const countByPool = new Map<string, number>();
    for (const volume of sorted) countByPool.set(volume.poolId, (countByPool.get(volume.poolId) ?? 0) + 1);
    return { volumes, byOwner, countByPool };
  }, [volumes]);
}

function ArrayNotFound({ arrayId }: { arrayId: string }) {
  return (
    <PageFrame>
      <Panel>
        <EmptyState
          title="Array not found"
          action={
            <Link href="/arrays" className="text-accent hover:underline">
              Back to Arrays
            </Link>
          }
        >
          No array has the id <span className="font-mono">{arrayId}</span>. It may have been removed.
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}

function ArrayDetail({ array }: { array: StorageArray }) {
  const { volumes, byOwner, countByPool } = useArrayVolumes(array.id);
  const canOperate = useCan('operate');
  return (
    <PageFrame>
      <nav aria-label="Breadcrumb" className="text-xs text-fg-muted">
        <Link href="/arrays" className="hover:text-fg hover:underline">
          Arrays
        </Link>{' '}
        / <span className="text-fg">{array.name}</span>
      </nav>
      <PageHeader
        title={array.name}
        meta={
          <dl className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-fg-muted">
            <div className="flex gap-1">
              <dt>Model</dt>
              <dd>
                <Badge tone="accent">{modelDisplayName(array.model)}</Badge>
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>Serial</dt>
              <dd className="font-mono text-fg">{array.serial}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Volumes</dt>
              <dd className="text-fg tabular-nums">{array.volumeCount.toLocaleString('en-US')}</dd>
            </div>
          </dl>
        }
        actions={
          <>
            <CapacityBar usedBytes={array.usedBytes} capacityBytes={array.capacityBytes} className="w-56" />
            {canOperate && <CreateVolumeDialog defaultArrayId={array.id} />}
          </>
        }
      />
      {volumes.isError && <ErrorState title="Could not load this array's volumes" error={volumes.error} onRetry={() => void volumes.refetch()} />}
      <div className="grid gap-3 lg:grid-cols-2">
        {array.controllers.map((controller) => (
          <ControllerCard
            key={controller.slot}
            arrayId={array.id}
            arrayName={array.name}
            controller={controller}
            survivor={array.controllers.find((other) => other.slot !== controller.slot)}
            volumes={byOwner?.[controller.slot]}
            canOperate={canOperate}
            array={array}
          />
        ))}
      </div>
      <ArrayCopiesPanel array={array} volumes={volumes.data} canOperate={canOperate} />
      {hasGroups(array.model) && <ArrayGroupsPanel array={array} canOperate={canOperate} />}
      {canOperate && <FaultsPanel array={array} volumes={volumes.data} />}
      <Panel title="Pools" titleId="pools-title" bodyClassName="overflow-x-auto">
        <PoolsTable pools={array.pools} volumeCountByPool={countByPool} labelledBy="pools-title" />
      </Panel>
    </PageFrame>
  );
}

export function ArrayDetailView({ arrayId }: { arrayId: string }) {
  const array = useArray(arrayId);
  if (array.isError) {
    if (isApiError(array.error, 404)) return <ArrayNotFound arrayId={arrayId} />;
    return (
      <PageFrame>
        <ErrorState title="Could not load this array" error={array.error} onRetry={() => void array.refetch()} />
      </PageFrame>
    );
  }
  if (array.isPending) {
    return (
      <PageFrame>
        <Skeleton className="h-6 w-56" />
        <Skeleton className="h-4 w-96" />
        <div className="grid gap-3 lg:grid-cols-2">
          <div className="rounded border border-line bg-surface">
            <TableSkeleton label="Loading array" rows={6} columns={3} />
          </div>
          <div className="rounded border border-line bg-surface">
            <TableSkeleton label="Loading array" rows={6} columns={3} />
          </div>
        </div>
      </PageFrame>
    );
  }
  return <ArrayDetail array={array.data} />;
}
