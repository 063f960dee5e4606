import clsx from 'clsx';
import { formatBytes } from '@/lib/units';
import { toBigBytes, type ByteCount } from '@/lib/client/types';

const WARN_PERCENT = 80;
const FULL_PERCENT = 95;

export function usedPercent(usedBytes: ByteCount, capacityBytes: ByteCount): number {
  const total = toBigBytes(capacityBytes);
  if (total === 0n) return 0;
  // Per-mille in bigint, then to a float: exact for any byte count.
  return Number((toBigBytes(usedBytes) * 1000n) / total) / 10;
}

/** Used of total, as text and a bar; the bar turns amber then red as the space runs out. */
export function CapacityBar({ usedBytes, capacityBytes, className }: { usedBytes: ByteCount; capacityBytes: ByteCount; className?: string }) {
  const percent = usedPercent(usedBytes, capacityBytes);
  const tone = percent >= FULL_PERCENT ? 'bg-bad' : percent >= WARN_PERCENT ? 'bg-warn' : 'bg-accent';
  const label = `${formatBytes(toBigBytes(usedBytes))} of ${formatBytes(toBigBytes(capacityBytes))} used (${percent.toFixed(1)}%)`;
  return (
    <div className={clsx('flex min-w-0 flex-col gap-1', className)}>
      <div className="flex items-baseline justify-between gap-2 text-xs tabular-nums">
        <span className="text-fg">
          {formatBytes(toBigBytes(usedBytes))} <span className="text-fg-subtle">/ {formatBytes(toBigBytes(capacityBytes))}</span>
        </span>
        <span className="text-fg-muted">{percent.toFixed(1)}%</span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 overflow-hidden rounded-full bg-bar-track"
      >
        <div className={clsx('h-full rounded-full', tone)} style={{ width: `${Math.min(100, Math.max(percent, percent > 0 ? 1 : 0))}%` }} />
      </div>
    </div>
  );
}
