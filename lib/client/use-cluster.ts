'use client';
// The Copy Services Servers (GET /api/cluster): which node is primary, the backups, the lease and
// the takeovers. Polled, because heartbeats and lease expiry are not pushed; a pushed takeover
// event refetches it at once (live-updates.tsx).
import { useQuery } from '@tanstack/react-query';
import type { ClusterDto } from '@/lib/services/cluster';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import { noteServerTime } from './server-clock';

export type Cluster = ClusterDto;
export type CopyServicesServer = ClusterDto['servers'][number];
export type Takeover = ClusterDto['takeovers'][number];

/** The Servers page's refresh: a heartbeat's age and the lease's countdown move every second. */
export const CLUSTER_PAGE_POLL_MS = 2_000;

/**
 * `pollMs`: how often to ask while a cluster runs. A console alone on SQLite stays alone until it
 * restarts, so `singlePollMs` (default: never) applies once the answer says 'single'.
 */
export function useCluster({ pollMs, singlePollMs = false }: { pollMs: number; singlePollMs?: number | false }) {
  return useQuery({
    queryKey: queryKeys.cluster,
    queryFn: async ({ signal }) => {
      const cluster = await getJson<Cluster>('/api/cluster', signal);
      noteServerTime(cluster.now, Date.now());
      return cluster;
    },
    refetchInterval: (query) => (query.state.data?.mode === 'single' ? singlePollMs : pollMs),
  });
}
