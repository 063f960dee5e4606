'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Copy } from './types';

function fetchCopies({ signal }: { signal: AbortSignal }): Promise<Copy[]> {
  return getJson<Copy[]>('/api/copies', signal);
}

/** Every copy relationship in the fleet (GET /api/copies). */
export function useCopies() {
  return useQuery({ queryKey: queryKeys.copies, queryFn: fetchCopies });
}

// A string compares by value: progress pushes that change no id do not re-render the caller.
const idsOf = (copies: Copy[]): string => copies.map((copy) => copy.id).join('\n');

/**
 * The ids of the relationships that exist now (undefined while the list loads), from the same
 * cached list; a caller re-renders when one comes or goes, not on every progress push.
 */
export function useExistingCopyIds(): ReadonlySet<string> | undefined {
  const ids = useQuery({ queryKey: queryKeys.copies, queryFn: fetchCopies, select: idsOf });
  return useMemo(() => (ids.data === undefined ? undefined : new Set(ids.data.split('\n'))), [ids.data]);
}
