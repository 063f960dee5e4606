'use client';
// An instant shown as its distance from the server's now ("3 s ago", "in 4 s"), ticking every
// second; the timestamp itself is on hover and in dateTime.
import { formatTimestamp } from '@/lib/client/clock-format';
import { formatAgo, formatExpiry } from '@/lib/client/relative-time';
import { serverClockOffsetMs } from '@/lib/client/server-clock';
import { useNowMs } from '@/lib/client/use-now';

export function RelativeTime({ iso, mode = 'ago', className }: { iso: string; mode?: 'ago' | 'until'; className?: string }) {
  // The timestamps are on the database's clock, and so is this "now" (server-clock.ts).
  const nowMs = useNowMs() + serverClockOffsetMs();
  return (
    <time dateTime={iso} title={`Real time ${formatTimestamp(iso)}`} className={className}>
      {mode === 'ago' ? formatAgo(iso, nowMs) : formatExpiry(iso, nowMs)}
    </time>
  );
}
