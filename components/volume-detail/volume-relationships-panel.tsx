'use client';
// Every copy relationship the volume is part of, each by its name with the volume's role, the
// volume at the other end, its state and progress and a small live bitmap heatmap: a host writing
// to this volume shows up as marked grains here as it happens.
import Link from 'next/link';
import { CopyHeatmap, HeatmapLegend } from '@/components/copy-detail/copy-heatmap';
import { CopyProgress } from '@/components/copies/copy-progress';
import { CopyStateBadge } from '@/components/copies/copy-state-badge';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { volumeHref } from '@/components/volumes/volume-href';
import type { Volume } from '@/lib/client/types';
import { useCopy } from '@/lib/client/use-copy-detail';
import type { useVolumeRelationships } from '@/lib/client/use-volume-detail';
import { useVolume } from '@/lib/client/use-volume';
import type { VolumeRelationship } from '@/lib/client/volume-relationships';
import { formatBytes } from '@/lib/units';

const SERVICE_WORDS: Record<string, string> = { shadowimage: 'ShadowImage pair', flashcopy: 'FlashCopy', 'volume-copy': 'Volume copy' };

function RelationshipItem({ relationship }: { relationship: VolumeRelationship }) {
  // The copy's own query is what pushes refresh with a timestamp; the heatmap refetches on each.
  const detail = useCopy(relationship.copy.id);
  const copy = detail.data ?? relationship.copy;
  const partner = useVolume(relationship.partnerId);
  const partnerRole = relationship.role === 'source' ? 'target' : 'source';
  // Names, not ids: while the partner loads it reads as loading; the id only if it cannot load.
  const partnerName = partner.data?.name ?? (partner.isError ? relationship.partnerId : '…');
  const titleId = `relationship-${copy.id}`;
  return (
    <li
      aria-labelledby={titleId}
      className="flex flex-col gap-2 border-b border-line p-3 last:border-b-0"
      data-testid="volume-relationship"
      data-copy-id={copy.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h3 id={titleId} className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-[13px] font-normal">
          <span className="font-mono text-xs font-semibold break-all text-fg" data-testid="relationship-name">
            {copy.name}
          </span>
          <Badge tone="accent">{relationship.roleName}</Badge>
          <span className="text-fg-muted">of {SERVICE_WORDS[copy.type] ?? copy.type}</span>
          <span className="text-fg-muted">{relationship.role === 'source' ? 'to' : 'from'}</span>
          <Link
            href={volumeHref(relationship.partnerId)}
            className="truncate font-mono text-xs text-accent hover:underline"
            aria-label={`${partnerName} (the ${partnerRole})`}
          >
            {partnerName}
          </Link>
        </h3>
        <div className="flex items-center gap-3">
          <span data-testid="relationship-state">
            <CopyStateBadge state={copy.state} />
          </span>
          <Link href={`/copies/${encodeURIComponent(copy.id)}`} className="text-xs whitespace-nowrap text-accent hover:underline">
            Open copy <span className="sr-only">{copy.name}</span>→
          </Link>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto]">
        <CopyProgress copy={copy} />
        <dl className="flex gap-1 self-start text-xs whitespace-nowrap text-fg-muted">
          <dt>Differential</dt>
          <dd className="text-fg tabular-nums" data-testid="relationship-differential">
            {formatBytes(copy.differentialBytes)}
          </dd>
        </dl>
      </div>
      <CopyHeatmap copy={copy} changedAt={detail.dataUpdatedAt} compact />
    </li>
  );
}

export function VolumeRelationshipsPanel({
  volume,
  model,
  relationships,
}: {
  volume: Volume;
  model: string | undefined;
  relationships: ReturnType<typeof useVolumeRelationships>;
}) {
  const list = relationships.relationships;
  return (
    <Panel
      title="Copy relationships"
      titleId="volume-relationships-title"
      actions={model !== undefined && list !== undefined && list.length > 0 ? <HeatmapLegend model={model} /> : undefined}
    >
      {list !== undefined ? (
        list.length === 0 ? (
          <EmptyState title="Not in any copy relationship">
            <span className="font-mono">{volume.name}</span> is neither the source nor the target of a copy. Create one on the{' '}
            <Link href="/copies" className="text-accent hover:underline">
              Copies
            </Link>{' '}
            page.
          </EmptyState>
        ) : (
          <ul aria-labelledby="volume-relationships-title">
            {list.map((relationship) => (
              <RelationshipItem key={relationship.copy.id} relationship={relationship} />
            ))}
          </ul>
        )
      ) : relationships.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load the copy relationships" error={relationships.error} onRetry={() => void relationships.refetch()} />
        </div>
      ) : (
        <div role="status" aria-label="Loading the copy relationships" className="flex flex-col gap-2 p-3">
          <Skeleton className="h-4 w-72" />
          <Skeleton className="h-1.5 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      )}
    </Panel>
  );
}
