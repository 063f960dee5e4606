'use client';
// Whether a CSS media query matches, followed as the window changes: for what CSS alone cannot
// switch, such as a virtualized list's row height when its rows become cards.
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Tailwind's `max-md` (below its md breakpoint, 48rem), where the CARD_* classes of card-table.ts
 * turn tables into lists of cards: the same query, so script and stylesheet switch together.
 */
export const BELOW_MD_QUERY = '(width < 48rem)';

/**
 * One MediaQueryList per query: a virtualized table reads its query on every render while it
 * scrolls, and each matchMedia call builds a new list.
 */
const lists = new Map<string, MediaQueryList>();
function listOf(query: string): MediaQueryList {
  const known = lists.get(query);
  if (known !== undefined) return known;
  const list = window.matchMedia(query);
  lists.set(query, list);
  return list;
}

/** False on the server and in the first render of a hydrating page, which the server rendered so. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listOf(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => listOf(query).matches,
    () => false,
  );
}
