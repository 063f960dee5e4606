'use client';
// Host I/O from outside the console: reads, writes and refusals through the REST data endpoint
// and NBD since the server started, and the hosts attached over NBD now (who, from where, how).
import { formatTimestamp } from '@/lib/client/clock-format';
import type { VolumeUsage } from '@/lib/client/types';
import { formatBytes } from '@/lib/units';

export function HostIoSummary({ usage }: { usage: VolumeUsage }) {
  const { hostIo, connections } = usage;
  return (
    <div className="flex flex-col gap-1.5 border-t border-line pt-2" data-testid="host-io">
      <h3 className="text-xs font-semibold">Host I/O (REST and NBD)</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-fg-muted">Writes</dt>
        <dd data-testid="host-io-writes" data-writes={hostIo.writes}>
          {hostIo.writes.toLocaleString()} · {formatBytes(hostIo.writtenBytes)}
        </dd>
        <dt className="text-fg-muted">Reads</dt>
        <dd data-testid="host-io-reads" data-reads={hostIo.reads}>
          {hostIo.reads.toLocaleString()} · {formatBytes(hostIo.readBytes)}
        </dd>
        <dt className="text-fg-muted">Refused</dt>
        <dd data-testid="host-io-refusals" data-refusals={hostIo.refusals}>
          {hostIo.refusals.toLocaleString()}
          {hostIo.lastRefusal !== null ? <span className="text-fg-muted"> — last: {hostIo.lastRefusal}</span> : null}
        </dd>
      </dl>
      {connections.length === 0 ? (
        <p className="text-xs text-fg-muted">No host is attached over NBD.</p>
      ) : (
        <ul aria-label="NBD connections" className="flex flex-col gap-0.5 text-xs">
          {connections.map((connection) => (
            <li key={`${connection.address}-${connection.sinceIso}-${connection.user}`}>
              NBD: <span className="font-medium">{connection.user}</span> from {connection.address}, {connection.readOnly ? 'read-only' : 'read-write'}, since{' '}
              {formatTimestamp(connection.sinceIso)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
