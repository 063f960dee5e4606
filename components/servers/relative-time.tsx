'use client';
// An instant shown as its distance from now ("3 s ago", "in 4 s"), ticking every second; the
// timestamp itself is on hover and in dateTime.
import { formatTimestamp } from '@/lib/client/clock-format';
import { formatAgo, formatExpiry } from '@/lib/client/relative-time';
import { useNowMs } from '@/lib/client/use-now';

export function RelativeTime({ iso, mode = 'ago', className }: { iso: string; mode?: 'ago' | 'until'; className?: string }) {
  const nowMs = useNowMs();
  return (
    <time dateTime={iso} title={`Real time ${formatTimestamp(iso)}`} className={className}>
      {mode === 'ago' ? formatAgo(iso, nowMs) : formatExpiry(iso, nowMs)}
    </time>
  );
}
