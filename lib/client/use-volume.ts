'use client';
import { useQuery } from '@tanstack/react-query';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Volume } from './types';

/** One volume (GET /api/volumes/:id), kept live by pushed `volumes.updated`. */
export function useVolume(id: string) {
  return useQuery({
    queryKey: queryKeys.volume(id),
    queryFn: ({ signal }) => getJson<Volume>(`/api/volumes/${encodeURIComponent(id)}`, signal),
  });
}
