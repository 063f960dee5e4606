'use client';
// A view state kept in the URL query: read with useSearchParams, written with the native
// history.replaceState, which Next's router observes (useSearchParams follows it) without a server
// round trip, so reloads and shared links show the same view without a history entry per keystroke.
// It also changes window.location at once, so two quick clicks (sort asc, then desc) each see the
// state the previous one left. A caller may ask for a history entry instead (`{ push: true }`),
// e.g. a wizard's step change, so back/forward walk between steps as they do between pages: that
// is a pushState, which Next's router observes just as it does replaceState.
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type UrlStateUpdate<S> = (change: (current: S) => S, how?: { push?: boolean }) => void;

export function useUrlState<S>(parse: (params: URLSearchParams) => S, serialize: (state: S) => string): [S, UrlStateUpdate<S>] {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const state = useMemo(() => parse(new URLSearchParams(query)), [parse, query]);
  const update = useCallback<UrlStateUpdate<S>>(
    (change, how) => {
      // Read the live URL, not the render's copy: a debounced caller may hold an old closure.
      const live = new URLSearchParams(window.location.search);
      const next = serialize(change(parse(live)));
      if (next === live.toString()) return;
      // null state: Next treats a call carrying its own state as internal and would not sync.
      const url = next === '' ? pathname : `${pathname}?${next}`;
      if (how?.push === true) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [parse, serialize, pathname],
  );
  return [state, update];
}
