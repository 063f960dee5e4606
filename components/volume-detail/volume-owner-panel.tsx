'use client';
// Which controller serves the volume now against the one it prefers, each controller's health,
// and the volume's moves between them from the event log (failover, failback, a volume copy's
// target following its source).
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { eventTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import type { StorageArray, Volume } from '@/lib/client/types';
import { useCan } from '@/lib/client/session';
import { useOwnerMoves } from '@/lib/client/use-copy-detail';
import { ChangeOwnerButton } from './change-owner-button';

function detailsOf(details: unknown): Record<string, unknown> {
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

function ControllerHealth({ array, slot }: { array: StorageArray | undefined; slot: 'A' | 'B' }) {
  const status = array?.controllers.find((controller) => controller.slot === slot)?.status;
  if (status === undefined) return null;
  return (
    <Badge tone={status === 'online' ? 'ok' : 'bad'} dot>
      {status}
    </Badge>
  );
}

export function VolumeOwnerPanel({ volume, array }: { volume: Volume; array: UseQueryResult<StorageArray> }) {
  const moves = useOwnerMoves(volume.id, volume.arrayId);
  const moved = volume.currentOwner !== volume.preferredOwner;
  const canOperate = useCan('operate');
  return (
    <Panel title="Controllers" titleId="volume-owner-title" bodyClassName="flex flex-col gap-2 p-3">
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5" data-testid="volume-owner">
        <dt className="text-fg-muted">Current owner</dt>
        <dd className="flex items-center gap-2">
          <Badge
            tone={moved ? 'warn' : 'neutral'}
            title={moved ? `Moved off its preferred controller ${volume.preferredOwner}` : 'On its preferred controller'}
          >
            Controller {volume.currentOwner}
            {moved ? ' · moved' : ''}
          </Badge>
          <ControllerHealth array={array.data} slot={volume.currentOwner} />
        </dd>
        <dt className="text-fg-muted">Preferred owner</dt>
        <dd className="flex items-center gap-2">
          <span>Controller {volume.preferredOwner}</span>
          <ControllerHealth array={array.data} slot={volume.preferredOwner} />
        </dd>
      </dl>
      {canOperate ? (
        <div>
          <ChangeOwnerButton volume={volume} array={array.data} />
        </div>
      ) : null}
      <p className="text-xs text-fg-muted">
        {moved
          ? `Served by controller ${volume.currentOwner} instead of ${volume.preferredOwner}: it fails back when controller ${volume.preferredOwner} is online and nothing holds it on ${volume.currentOwner}.`
          : `On its preferred controller ${volume.preferredOwner}.`}
      </p>
      <h3 className="mt-1 text-xs font-semibold text-fg">
        Ownership moves <span className="font-normal text-fg-subtle">(simulated time)</span>
      </h3>
      {moves.isError ? (
        <ErrorState title="Could not load the ownership moves" error={moves.error} onRetry={() => void moves.refetch()} />
      ) : moves.data === undefined ? (
        <Skeleton className="h-4 w-56" />
      ) : moves.data.length === 0 ? (
        <p className="text-xs text-fg-subtle">It has not moved between controllers.</p>
      ) : (
        <ol className="flex flex-col gap-1 text-xs" aria-label="Ownership moves" data-testid="owner-moves">
          {moves.data.map((event) => {
            const details = detailsOf(event.details);
            return (
              <li key={event.id} className="flex flex-wrap gap-x-2">
                <ClockTime time={eventTime(event)} className="font-mono text-fg-muted" />
                <span>
                  {String(details.from ?? '?')} → {String(details.to ?? '?')}
                </span>
                {typeof details.reason === 'string' && <span className="text-fg-subtle">{details.reason}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
