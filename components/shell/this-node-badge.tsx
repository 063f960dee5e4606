'use client';
// Which Copy Services Server this browser is connected to, and its role ("css-b · backup"),
// linking to the Servers page. Alone on SQLite there is nothing to choose between: it says
// "Single node" and does not poll. It also announces takeovers (use-takeover-toasts.ts).
import clsx from 'clsx';
import Link from 'next/link';
import { thisNodeLabel } from '@/lib/client/server-roles';
import { useCluster } from '@/lib/client/use-cluster';
import { useTakeoverToasts } from './use-takeover-toasts';

/** The header's refresh in a cluster: a role changes within a lease (5 s by default), and a pushed takeover refetches sooner. */
const HEADER_POLL_MS = 5_000;

const DOT_BY_ROLE: Record<string, string> = {
  primary: 'bg-ok',
  backup: 'bg-accent',
  starting: 'bg-warn',
  fenced: 'bg-bad',
  stopped: 'bg-fg-subtle',
};

export function ThisNodeBadge() {
  const cluster = useCluster({ pollMs: HEADER_POLL_MS });
  useTakeoverToasts(cluster.data);
  const data = cluster.data;
  if (data === undefined) return null;
  const single = data.mode === 'single';
  const title = single
    ? `This console runs alone on SQLite (${data.thisNode.name}); see the Copy Services Servers`
    : `Connected to ${data.thisNode.name}, the ${data.thisNode.role} Copy Services Server; see every server`;
  return (
    <Link
      href="/servers"
      title={title}
      data-testid="this-node"
      data-role={data.thisNode.role}
      data-mode={data.mode}
      className="flex h-6 min-w-0 items-center gap-1.5 rounded px-2 text-xs text-fg-muted hover:bg-surface-hover hover:text-fg"
    >
      <span
        aria-hidden="true"
        className={clsx('inline-block size-2 shrink-0 rounded-full', cluster.isError ? 'bg-bad' : (DOT_BY_ROLE[data.thisNode.role] ?? 'bg-fg-subtle'))}
      />
      <span className="truncate">{thisNodeLabel(data)}</span>
      {cluster.isError && <span className="text-bad">· not answering</span>}
    </Link>
  );
}
