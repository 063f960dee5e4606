'use client';
// The engine lease: who holds it, under which epoch (fencing: a write carrying an older epoch is
// refused), when it runs out unless renewed, and how long one lease lasts.
import { Badge } from '@/components/ui/badge';
import { ClockTime } from '@/components/ui/clock-time';
import { Panel } from '@/components/ui/panel';
import { wallTime } from '@/lib/client/clock-format';
import { formatDuration } from '@/lib/client/relative-time';
import type { Cluster } from '@/lib/client/use-cluster';
import { RelativeTime } from './relative-time';

const NONE = <span className="text-fg-subtle">none</span>;

export function LeasePanel({ cluster }: { cluster: Cluster }) {
  const { lease, leaseMs, thisNode } = cluster;
  const holder = lease?.holderName ?? lease?.holderId ?? null;
  return (
    <Panel title="Engine lease" titleId="lease-title" bodyClassName="p-3">
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-1.5 sm:grid-cols-[auto_1fr_auto_1fr]" data-testid="lease">
        <dt className="text-fg-muted">Holder</dt>
        <dd className="flex items-center gap-1.5">
          {holder === null ? (
            <span className="text-fg-muted">nobody: no primary until a backup acquires it</span>
          ) : (
            <>
              <span className="font-medium">{holder}</span>
              {lease?.holderId === thisNode.id && (
                <Badge tone="neutral" title="The node this browser is connected to">
                  this node
                </Badge>
              )}
            </>
          )}
        </dd>
        <dt className="text-fg-muted">Epoch</dt>
        <dd className="tabular-nums">{lease?.epoch ?? NONE}</dd>
        <dt className="text-fg-muted">Expires</dt>
        <dd>{lease?.expiresAt ? <RelativeTime iso={lease.expiresAt} mode="until" className="tabular-nums" /> : NONE}</dd>
        <dt className="text-fg-muted">Lease length</dt>
        <dd className="tabular-nums">{leaseMs === null ? NONE : formatDuration(leaseMs)}</dd>
        <dt className="text-fg-muted">Acquired</dt>
        <dd>{lease?.acquiredAt ? <ClockTime time={wallTime(lease.acquiredAt)} className="font-mono text-xs" /> : NONE}</dd>
      </dl>
      <p className="mt-2 text-xs text-fg-muted">
        The primary renews the lease well before it expires. If it stops renewing, a backup takes the lease once it has expired, with the next epoch, and starts
        the engine.
      </p>
    </Panel>
  );
}
