'use client';
// One volume, live: who it is (array, pool, capacity, status, access), which controller owns it,
// how much of it holds data, the copy relationships it is part of with their bitmaps, and a
// simulated host workload operators can start and stop, with its counters pushed as they move.
import Link from 'next/link';
import { useState } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/client/api-error';
import type { Volume } from '@/lib/client/types';
import { useArray } from '@/lib/client/use-arrays';
import { useVolume } from '@/lib/client/use-volume';
import { usageChangeKey, useVolumeRelationships, useVolumeUsage, useWorkload } from '@/lib/client/use-volume-detail';
import { VolumeDetailHeader } from './volume-detail-header';
import { VolumeOwnerPanel } from './volume-owner-panel';
import { VolumeRelationshipsPanel } from './volume-relationships-panel';
import { SnapshotPanel, SnapshotsPanel } from './volume-snapshots-panel';
import { VolumeUsagePanel } from './volume-usage-panel';
import { WorkloadPanel } from './workload-panel';

function BackToVolumes() {
  return (
    <Link href="/volumes" className="text-accent hover:underline">
      Back to Volumes
    </Link>
  );
}

function VolumeNotFound({ volumeId }: { volumeId: string }) {
  return (
    <PageFrame>
      <Panel>
        <EmptyState title="Volume not found" action={<BackToVolumes />}>
          No volume has the id <span className="font-mono">{volumeId}</span>. It may have been deleted.
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}

/** Shown after this page deleted the volume, instead of a "not found" while it navigates away. */
function VolumeDeleted({ name }: { name: string }) {
  return (
    <PageFrame>
      <Panel>
        <EmptyState title={`Volume ${name} deleted`} action={<BackToVolumes />}>
          Returning to the volume list…
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}

/** Shaped like the page, so nothing jumps when the volume arrives. */
export function VolumeDetailSkeleton() {
  return (
    <PageFrame>
      <div role="status" aria-label="Loading the volume" className="flex flex-col gap-3">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
        <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
          <div className="flex flex-col gap-3">
            <Skeleton className="h-56" />
            <Skeleton className="h-64" />
          </div>
          <div className="flex flex-col gap-3">
            <Skeleton className="h-28" />
            <Skeleton className="h-44" />
          </div>
        </div>
      </div>
    </PageFrame>
  );
}

function VolumeDetail({ volume, onDeleted }: { volume: Volume; onDeleted: (name: string) => void }) {
  const array = useArray(volume.arrayId);
  const relationships = useVolumeRelationships(volume.id);
  const workload = useWorkload(volume.id);
  const usage = useVolumeUsage(volume.id, usageChangeKey(volume.id, workload.data, relationships.relationships?.map((r) => r.copy) ?? []));
  return (
    <PageFrame>
      <VolumeDetailHeader volume={volume} array={array} relationships={relationships.relationships} onDeleted={onDeleted} />
      <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        <div className="flex min-w-0 flex-col gap-3">
          <WorkloadPanel volume={volume} workload={workload} unwrittenBytes={usage.data ? usage.data.capacityBytes - usage.data.allocatedBytes : null} />
          <VolumeRelationshipsPanel volume={volume} model={array.data?.model} relationships={relationships} />
          {volume.snapshot === null && array.data?.model === 'santricity' && <SnapshotsPanel volume={volume} />}
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          {volume.snapshot !== null && <SnapshotPanel volume={volume} snapshot={volume.snapshot} />}
          <VolumeUsagePanel usage={usage} />
          <VolumeOwnerPanel volume={volume} array={array} />
        </div>
      </div>
    </PageFrame>
  );
}

export function VolumeDetailView({ volumeId }: { volumeId: string }) {
  const volume = useVolume(volumeId);
  const [deletedName, setDeletedName] = useState<string | null>(null);
  if (deletedName !== null) return <VolumeDeleted name={deletedName} />;
  if (volume.isError) {
    if (isApiError(volume.error, 404)) return <VolumeNotFound volumeId={volumeId} />;
    if (volume.data === undefined) {
      return (
        <PageFrame>
          <ErrorState title="Could not load this volume" error={volume.error} onRetry={() => void volume.refetch()} />
        </PageFrame>
      );
    }
  }
  if (volume.data === undefined) return <VolumeDetailSkeleton />;
  return <VolumeDetail volume={volume.data} onDeleted={setDeletedName} />;
}
