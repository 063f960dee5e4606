'use client';
// A view state kept in the URL query: read with useSearchParams, written with the native
// history.replaceState, which Next's router observes (useSearchParams follows it) without a server
// round trip, so reloads and shared links show the same view without a history entry per keystroke.
// It also changes window.location at once, so two quick clicks (sort asc, then desc) each see the
// state the previous one left.
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type UrlStateUpdate<S> = (change: (current: S) => S) => void;

export function useUrlState<S>(parse: (params: URLSearchParams) => S, serialize: (state: S) => string): [S, UrlStateUpdate<S>] {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const state = useMemo(() => parse(new URLSearchParams(query)), [parse, query]);
  const update = useCallback<UrlStateUpdate<S>>(
    (change) => {
      // Read the live URL, not the render's copy: a debounced caller may hold an old closure.
      const live = new URLSearchParams(window.location.search);
      const next = serialize(change(parse(live)));
      if (next === live.toString()) return;
      // null state: Next treats a call carrying its own state as internal and would not sync.
      window.history.replaceState(null, '', next === '' ? pathname : `${pathname}?${next}`);
    },
    [parse, serialize, pathname],
  );
  return [state, update];
}
