'use client';
// "Pull on push": data too big or too costly to push (a bitmap's cells, a volume's allocation) is
// fetched again when a push says its subject changed, at most once per interval however fast the
// pushes come. A change during the wait is covered by the fetch already due.
import { useEffect, useRef } from 'react';

/**
 * Calls `refetch` when `changeKey` differs from the one seen last, no sooner than `minIntervalMs`
 * after the previous call. The first render's key is what the query fetched for on mount.
 */
export function useRefetchOnChange(changeKey: string | number, refetch: () => unknown, minIntervalMs: number): void {
  const seenKey = useRef(changeKey);
  const lastFetchMs = useRef(0);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    if (changeKey === seenKey.current) return;
    seenKey.current = changeKey;
    if (pending.current !== null) return; // a fetch is already due: it will see this change too
    const fetchNow = () => {
      pending.current = null;
      lastFetchMs.current = Date.now();
      void refetch();
    };
    const waitMs = lastFetchMs.current + minIntervalMs - Date.now();
    if (waitMs <= 0) fetchNow();
    else pending.current = window.setTimeout(fetchNow, waitMs);
  }, [changeKey, refetch, minIntervalMs]);

  useEffect(
    () => () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
    },
    [],
  );
}
