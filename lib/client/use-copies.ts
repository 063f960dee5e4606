'use client';
import { useQuery } from '@tanstack/react-query';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Copy } from './types';

/** Every copy relationship in the fleet (GET /api/copies). */
export function useCopies() {
  return useQuery({
    queryKey: queryKeys.copies,
    queryFn: ({ signal }) => getJson<Copy[]>('/api/copies', signal),
  });
}
