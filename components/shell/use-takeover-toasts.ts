'use client';
// A toast for each takeover this tab learns of ("css-b took over as primary"), however it learns
// of it: a pushed takeover event refetches the cluster at once, a poll finds it otherwise. The
// header calls this, once per tab, so a takeover is announced once on every page.
import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { formatDuration } from '@/lib/client/relative-time';
import { newTakeovers, takeoverKey, takeoverMessage } from '@/lib/client/takeovers';
import type { Cluster } from '@/lib/client/use-cluster';

export function useTakeoverToasts(cluster: Cluster | undefined): void {
  // undefined until the first answer: the takeovers listed then happened before this tab looked.
  const lastSeenKey = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (cluster === undefined) return;
    const fresh = newTakeovers(lastSeenKey.current, cluster.takeovers);
    const newest = cluster.takeovers[0];
    lastSeenKey.current = newest === undefined ? null : takeoverKey(newest);
    for (const takeover of fresh) {
      const details = [
        takeover.previous === null ? null : `was ${takeover.previous}`,
        `epoch ${takeover.epoch}`,
        takeover.tookMs === null ? null : `took ${formatDuration(takeover.tookMs)}`,
      ];
      toast.info(takeoverMessage(takeover), { id: `takeover-${takeoverKey(takeover)}`, description: details.filter((part) => part !== null).join(' · ') });
    }
  }, [cluster]);
}
