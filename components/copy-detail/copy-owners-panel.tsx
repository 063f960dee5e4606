'use client';
// Which controller owns the source and the target now, against their preferred owners, and every
// ownership move of either volume from the event log: a failover, a failback, or a volume copy's
// target following its source (docs/domain.md#santricity-volume-copy: an in-progress volume copy keeps both on one controller).
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { eventTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import type { Copy, FleetEvent, Volume } from '@/lib/client/types';
import { useOwnerMoves } from '@/lib/client/use-copy-detail';

interface Move {
  event: FleetEvent;
  volumeName: string;
  from: string;
  to: string;
  reason: string;
}

function movesOf(events: FleetEvent[] | undefined, volumeName: string): Move[] {
  return (events ?? []).map((event) => {
    const details = (typeof event.details === 'object' && event.details !== null ? event.details : {}) as Record<string, unknown>;
    return {
      event,
      volumeName,
      from: String(details.from ?? '?'),
      to: String(details.to ?? '?'),
      reason: typeof details.reason === 'string' ? details.reason : '',
    };
  });
}

function OwnerRow({ label, volume }: { label: string; volume: UseQueryResult<Volume> }) {
  const heading = (
    <th scope="row" className="py-1.5 pr-3 text-left font-normal text-fg-muted">
      {label}
    </th>
  );
  if (volume.data === undefined) {
    return (
      <tr>
        {heading}
        <td colSpan={3} className="py-1.5">
          {volume.isError ? <span className="text-bad">{volume.error.message}</span> : <Skeleton className="h-4 w-40" />}
        </td>
      </tr>
    );
  }
  const { name, currentOwner, preferredOwner, roles } = volume.data;
  const moved = currentOwner !== preferredOwner;
  return (
    <tr data-testid={`owner-${label.toLowerCase()}`}>
      {heading}
      <td className="max-w-0 py-1.5 pr-3">
        <span className="block truncate font-mono text-xs" title={name}>
          {name}
        </span>
        {roles.length > 0 && <span className="block text-xs text-fg-subtle">{roles.join(', ')}</span>}
      </td>
      <td className="py-1.5 pr-3 whitespace-nowrap">
        <Badge tone={moved ? 'warn' : 'neutral'} title={moved ? `Moved off its preferred controller ${preferredOwner}` : 'On its preferred controller'}>
          {currentOwner}
          {moved ? ' · moved' : ''}
        </Badge>
      </td>
      <td className="py-1.5 whitespace-nowrap text-fg-muted">{preferredOwner}</td>
    </tr>
  );
}

export function CopyOwnersPanel({ copy, source, target }: { copy: Copy; source: UseQueryResult<Volume>; target: UseQueryResult<Volume> }) {
  const sourceMoves = useOwnerMoves(copy.sourceVolumeId, copy.arrayId);
  const targetMoves = useOwnerMoves(copy.targetVolumeId, copy.arrayId);
  const moves = [...movesOf(sourceMoves.data, source.data?.name ?? 'source'), ...movesOf(targetMoves.data, target.data?.name ?? 'target')].sort(
    (a, b) => b.event.time.localeCompare(a.event.time) || b.event.id.localeCompare(a.event.id),
  );
  const both = source.data !== undefined && target.data !== undefined;
  const together = both && source.data.currentOwner === target.data.currentOwner;
  const failed = sourceMoves.isError ? sourceMoves : targetMoves.isError ? targetMoves : null;
  return (
    <Panel title="Controllers" titleId="owners-title" bodyClassName="flex flex-col gap-2 p-3">
      <table className="w-full table-fixed border-collapse" aria-labelledby="owners-title">
        <colgroup>
          <col className="w-16" />
          <col />
          <col className="w-24" />
          <col className="w-20" />
        </colgroup>
        <thead className="text-xs text-fg-muted">
          <tr>
            <td />
            <th scope="col" className="pb-1 text-left font-medium">
              Volume
            </th>
            <th scope="col" className="pb-1 text-left font-medium">
              Owner
            </th>
            <th scope="col" className="pb-1 text-left font-medium">
              Preferred
            </th>
          </tr>
        </thead>
        <tbody>
          <OwnerRow label="Source" volume={source} />
          <OwnerRow label="Target" volume={target} />
        </tbody>
      </table>
      {both && (
        <p className="text-xs text-fg-muted">
          {together
            ? `Both on controller ${source.data.currentOwner}: grains move inside one controller.`
            : `Source on ${source.data.currentOwner}, target on ${target.data.currentOwner}: grains cross between controllers.`}
        </p>
      )}
      <h3 className="mt-1 text-xs font-semibold text-fg">
        Ownership moves <span className="font-normal text-fg-subtle">(simulated time)</span>
      </h3>
      {failed !== null ? (
        <ErrorState title="Could not load the ownership moves" error={failed.error} onRetry={() => void failed.refetch()} />
      ) : sourceMoves.data === undefined || targetMoves.data === undefined ? (
        <Skeleton className="h-4 w-56" />
      ) : moves.length === 0 ? (
        <p className="text-xs text-fg-subtle">Neither volume has moved between controllers.</p>
      ) : (
        <ol className="flex flex-col gap-1 text-xs" aria-label="Ownership moves" data-testid="owner-moves">
          {moves.map((move) => (
            <li key={move.event.id} className="flex flex-wrap gap-x-2">
              <ClockTime time={eventTime(move.event)} className="font-mono text-fg-muted" />
              <span className="font-mono">{move.volumeName}</span>
              <span>
                {move.from} → {move.to}
              </span>
              {move.reason && <span className="text-fg-subtle">{move.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
