import type { Copy } from '@/lib/client/types';
import { formatBytes } from '@/lib/units';

export function CopyProgress({ progress }: { progress: Copy['progress'] }) {
  const percent = Math.max(0, Math.min(100, progress.percent));
  const label = `${percent.toFixed(1)}% (${formatBytes(progress.copiedBytes)} of ${formatBytes(progress.totalBytes)})`;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs text-fg tabular-nums">{label}</span>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-1.5 overflow-hidden rounded-full bg-bar-track">
        <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
