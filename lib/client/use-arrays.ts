'use client';
import { useQuery } from '@tanstack/react-query';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { StorageArray } from './types';

export function useArrays() {
  return useQuery({
    queryKey: queryKeys.arrays,
    queryFn: ({ signal }) => getJson<StorageArray[]>('/api/arrays', signal),
  });
}

export function useArray(id: string) {
  return useQuery({
    queryKey: queryKeys.array(id),
    queryFn: ({ signal }) => getJson<StorageArray>(`/api/arrays/${encodeURIComponent(id)}`, signal),
  });
}
