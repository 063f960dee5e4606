'use client';
// How much of the volume holds data: bytes ever written, by hosts or by copies, against its
// capacity (volumes are thin: never-written space reads as zeros and takes nothing); and what
// hosts outside the console did to it (REST data path, NBD).
import type { UseQueryResult } from '@tanstack/react-query';
import { CapacityBar } from '@/components/ui/capacity-bar';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { VolumeUsage } from '@/lib/client/types';
import { HostIoSummary } from './host-io-summary';

export function VolumeUsagePanel({ usage }: { usage: UseQueryResult<VolumeUsage> }) {
  return (
    <Panel title="Data usage" titleId="volume-usage-title" bodyClassName="flex flex-col gap-2 p-3">
      {usage.data !== undefined ? (
        <>
          <div data-testid="volume-usage" data-allocated-bytes={usage.data.allocatedBytes}>
            <CapacityBar usedBytes={usage.data.allocatedBytes} capacityBytes={usage.data.capacityBytes} />
          </div>
          <p className="text-xs text-fg-muted">Space ever written by hosts or copies, in 4 KiB blocks. Never-written space reads as zeros and takes nothing.</p>
          <HostIoSummary usage={usage.data} />
        </>
      ) : usage.isError ? (
        <ErrorState title="Could not load the data usage" error={usage.error} onRetry={() => void usage.refetch()} />
      ) : (
        <div role="status" aria-label="Loading the data usage" className="flex flex-col gap-2">
          <Skeleton className="h-3 w-40" />
          <Skeleton className="h-1.5 w-full" />
        </div>
      )}
    </Panel>
  );
}
