'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from './fetch-json';
import { queryKeys, type VolumeListFilter } from './query-keys';
import type { Volume } from './types';

/** Volumes filtered by the API; the previous list stays on screen while a new filter loads. */
export function useVolumes(filter: VolumeListFilter) {
  return useQuery({
    queryKey: queryKeys.volumeList(filter),
    queryFn: ({ signal }) => getJson<Volume[]>(apiPath('/api/volumes', { ...filter }), signal),
    placeholderData: keepPreviousData,
  });
}
