'use client';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '@/lib/client/fetch-json';
import { queryKeys } from '@/lib/client/query-keys';
import type { Health } from '@/lib/client/types';

/** The server's version and reachability, from /api/health. */
export function ServerVersion() {
  const health = useQuery({ queryKey: queryKeys.health, queryFn: ({ signal }) => getJson<Health>('/api/health', signal), staleTime: 60_000 });
  const text = health.isSuccess ? `Server v${health.data.version}` : health.isError ? 'Server unreachable' : 'Connecting…';
  return (
    <p className="hidden px-2 text-[11px] text-fg-subtle md:block" aria-live="polite">
      <span aria-hidden="true" className={health.isError ? 'text-bad' : health.isSuccess ? 'text-ok' : ''}>
        ●
      </span>{' '}
      {text}
    </p>
  );
}
