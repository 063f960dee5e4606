'use client';
// Reads a view state from the URL query and writes changes back with router.replace, so the
// state survives reloads without adding a history entry per keystroke.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export function useUrlState<S>(parse: (params: URLSearchParams) => S, serialize: (state: S) => string): [S, (next: S) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const state = useMemo(() => parse(new URLSearchParams(query)), [parse, query]);
  const setState = useCallback(
    (next: S) => {
      const text = serialize(next);
      if (text === query) return;
      router.replace(text === '' ? pathname : `${pathname}?${text}`, { scroll: false });
    },
    [serialize, query, router, pathname],
  );
  return [state, setState];
}
