'use client';
// A running workload's counters as they are pushed (`workloads.updated`, ten times a second at
// most): the measured rate against the target, what was read and written, and what the volume
// refused with the engine's reason (e.g. an S-VOL in PAIR is read-only).
import { AlertIcon } from '@/components/ui/icons';
import type { Workload } from '@/lib/client/types';
import { limitedText, refusalReason, refusedPercent, refusedText } from '@/lib/client/workload-stats';
import { formatBytes } from '@/lib/units';

const count = (value: number) => value.toLocaleString('en-US');

function Stat({ label, value, testId, tone = 'normal' }: { label: string; value: string; testId: string; tone?: 'normal' | 'warn' }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded border border-line bg-surface-raised px-2.5 py-1.5">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className={tone === 'warn' ? 'text-base font-semibold text-warn tabular-nums' : 'text-base font-semibold text-fg tabular-nums'} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function WorkloadStats({ workload }: { workload: Workload }) {
  const { stats } = workload;
  const refused = refusedText(stats);
  const reason = refusalReason(stats);
  const limited = limitedText(workload);
  return (
    <div className="flex flex-col gap-2" data-testid="workload-stats">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-1">
        <p className="flex items-baseline gap-1.5">
          <span className="text-2xl leading-none font-semibold text-fg tabular-nums" data-testid="workload-iops" data-iops={stats.iopsMeasured}>
            {count(stats.iopsMeasured)}
          </span>
          <span className="text-fg-muted">IOPS measured</span>
        </p>
        <p className="text-xs text-fg-muted" data-testid="workload-spec">
          target {count(workload.iops)} IOPS · {workload.pattern} · {formatBytes(workload.blockBytes)} blocks · {workload.writePercent}% writes
        </p>
      </div>
      {limited !== null && (
        <p className="text-xs text-warn" data-testid="workload-limited">
          {limited}: the simulated data plane moves a bounded amount of real data per tick, so the server stays responsive. Slow the simulation or ask for less
          to run as asked.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Reads" value={count(stats.reads)} testId="workload-reads" />
        <Stat label="Writes" value={count(stats.writes)} testId="workload-writes" />
        <Stat label="Written" value={formatBytes(stats.bytesWritten)} testId="workload-written" />
        <Stat label="Refused" value={count(stats.rejected)} testId="workload-rejected" tone={stats.rejected > 0 ? 'warn' : 'normal'} />
      </dl>
      {refused !== null && (
        <div className="flex gap-2 rounded border border-warn/40 bg-warn-soft px-3 py-2 text-fg" data-testid="workload-refused">
          <AlertIcon className="mt-0.5 shrink-0 text-warn" />
          <p className="min-w-0 break-words">
            <strong className="font-semibold">
              {refused} ({refusedPercent(stats).toFixed(0)}% of the I/O, HTTP 423).
            </strong>{' '}
            {reason !== null && <span className="text-fg-muted">Last refusal: {reason}.</span>}
          </p>
        </div>
      )}
    </div>
  );
}
