'use client';
// One copy relationship, live: header, progress, the bitmap heatmap, the actions its state allows
// (operators and admins), its options, the controllers that own its volumes, and its history.
import Link from 'next/link';
import { PageFrame } from '@/components/shell/page-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/client/api-error';
import { copyTypeName } from '@/lib/client/copy-services';
import { useCan } from '@/lib/client/session';
import type { Copy } from '@/lib/client/types';
import { useArray } from '@/lib/client/use-arrays';
import { useCopy } from '@/lib/client/use-copy-detail';
import { useVolume } from '@/lib/client/use-volume';
import { CopyActionsPanel } from './copy-actions-panel';
import { CopyChainPanel } from './copy-chain-panel';
import { CopyDetailHeader } from './copy-detail-header';
import { CopyHeatmap } from './copy-heatmap';
import { CopyOptionsPanel } from './copy-options-panel';
import { CopyOwnersPanel } from './copy-owners-panel';
import { CopyProgressPanel } from './copy-progress-panel';
import { CopyTimeline } from './copy-timeline';

function CopyNotFound({ copyId }: { copyId: string }) {
  return (
    <PageFrame>
      <Panel>
        <EmptyState
          title="Copy relationship not found"
          action={
            <Link href="/copies" className="text-accent hover:underline">
              Back to Copies
            </Link>
          }
        >
          No copy relationship has the id <span className="font-mono">{copyId}</span>. It may have been removed; its target kept its data.
        </EmptyState>
      </Panel>
    </PageFrame>
  );
}

/** Shaped like the page, so nothing jumps when the copy arrives. */
export function CopyDetailSkeleton() {
  return (
    <PageFrame>
      <div role="status" aria-label="Loading the copy relationship" className="flex flex-col gap-3">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="h-6 w-96" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
        <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
          <div className="flex flex-col gap-3">
            <Skeleton className="h-28" />
            <Skeleton className="h-72" />
            <div className="rounded border border-line bg-surface">
              <TableSkeleton label="Loading the timeline" rows={4} columns={3} />
            </div>
          </div>
          <div className="flex flex-col gap-3">
            <Skeleton className="h-36" />
            <Skeleton className="h-44" />
            <Skeleton className="h-32" />
          </div>
        </div>
      </div>
    </PageFrame>
  );
}

function CopyDetail({ copy, changedAt }: { copy: Copy; changedAt: number }) {
  const canOperate = useCan('operate');
  const source = useVolume(copy.sourceVolumeId);
  const target = useVolume(copy.targetVolumeId);
  const array = useArray(copy.arrayId);
  // Named in confirmations and toasts as the table names it (describeCopy): name first, then the pair.
  const describe = `${copy.name} (${copyTypeName(copy.model)} ${source.data?.name ?? copy.sourceVolumeId} → ${target.data?.name ?? copy.targetVolumeId})`;
  return (
    <PageFrame>
      <CopyDetailHeader copy={copy} source={source} target={target} array={array} canOperate={canOperate} />
      <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        <div className="flex min-w-0 flex-col gap-3">
          <CopyProgressPanel copy={copy} />
          <CopyChainPanel copy={copy} />
          <CopyHeatmap copy={copy} changedAt={changedAt} />
          <CopyTimeline copy={copy} />
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          {canOperate && <CopyActionsPanel copy={copy} describe={describe} />}
          <CopyOptionsPanel copy={copy} canOperate={canOperate} />
          <CopyOwnersPanel copy={copy} source={source} target={target} />
        </div>
      </div>
    </PageFrame>
  );
}

export function CopyDetailView({ copyId }: { copyId: string }) {
  const copy = useCopy(copyId);
  if (copy.isError) {
    if (isApiError(copy.error, 404)) return <CopyNotFound copyId={copyId} />;
    if (copy.data === undefined) {
      return (
        <PageFrame>
          <ErrorState title="Could not load this copy relationship" error={copy.error} onRetry={() => void copy.refetch()} />
        </PageFrame>
      );
    }
  }
  if (copy.data === undefined) return <CopyDetailSkeleton />;
  return <CopyDetail copy={copy.data} changedAt={copy.dataUpdatedAt} />;
}
