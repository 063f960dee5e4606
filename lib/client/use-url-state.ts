'use client';
// A view state kept in the URL query: read with useSearchParams, written with router.replace so
// reloads and shared links show the same view without a history entry per keystroke.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type UrlStateUpdate<S> = (change: (current: S) => S) => void;

export function useUrlState<S>(parse: (params: URLSearchParams) => S, serialize: (state: S) => string): [S, UrlStateUpdate<S>] {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const state = useMemo(() => parse(new URLSearchParams(query)), [parse, query]);
  const update = useCallback<UrlStateUpdate<S>>(
    (change) => {
      // Read the live URL, not the render's copy: a debounced caller may hold an old closure.
      const live = new URLSearchParams(window.location.search);
      const next = serialize(change(parse(live)));
      if (next === live.toString()) return;
      router.replace(next === '' ? pathname : `${pathname}?${next}`, { scroll: false });
    },
    [parse, serialize, router, pathname],
  );
  return [state, update];
}
