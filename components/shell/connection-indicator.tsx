'use client';
import clsx from 'clsx';
import { useLiveStatus, type LiveStatus } from '@/lib/client/live-updates';

const LABELS: Record<LiveStatus, { text: string; title: string; dot: string }> = {
  connecting: { text: 'Connecting', title: 'Opening the live connection to the server', dot: 'bg-fg-subtle' },
  live: { text: 'Live', title: 'Receiving live updates from the server', dot: 'bg-ok' },
  reconnecting: { text: 'Reconnecting', title: 'Lost the live connection; reconnecting. What you see may be out of date.', dot: 'bg-warn animate-pulse' },
  offline: { text: 'Offline', title: 'The server cannot be reached; still retrying. What you see may be out of date.', dot: 'bg-bad' },
};

/** The state of the socket.io connection, as the socket itself reports it. Announced politely, but
 * not role="status": that role marks loading skeletons, which specs count. */
export function ConnectionIndicator() {
  const status = useLiveStatus();
  const label = LABELS[status];
  return (
    <p
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
      title={label.title}
      className="flex items-center gap-1.5 px-2 text-xs text-fg-muted"
    >
      <span aria-hidden="true" className={clsx('inline-block size-2 rounded-full', label.dot)} />
      <span>{label.text}</span>
    </p>
  );
}
