'use client';
// The data of one volume's page besides the volume itself (use-volume.ts): the copies it is part
// of (the fleet's copy list, kept live by pushes), its host workload (fetched once, then kept by
// pushed `workloads.updated` / `workloads.stopped`, never polled) and how much of it holds data
// (pulled again when a push says something wrote to it, at most once a second).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isApiError } from './api-error';
import { deleteResource, getJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Copy, VolumeUsage, Workload, WorkloadRequest } from './types';
import { useCopies } from './use-copies';
import { useRefetchOnChange } from './use-refetch-on-change';
import { relationshipsOf } from './volume-relationships';

/** Allocation grows with every write: one fetch a second is as fresh as a person can read. */
export const USAGE_REFRESH_MS = 1_000;

const volumePath = (volumeId: string, rest = '') => `/api/volumes/${encodeURIComponent(volumeId)}${rest}`;

export function useVolumeRelationships(volumeId: string) {
  const copies = useCopies();
  const relationships = useMemo(() => (copies.data === undefined ? undefined : relationshipsOf(copies.data, volumeId)), [copies.data, volumeId]);
  return { ...copies, relationships };
}

/**
 * The running workload, or null when none runs. "None" is an ordinary answer, asked once per
 * volume and then kept by pushes: a 200 with a null body, or, from a server that answers it with
 * 404 (which the browser logs as a failed request), that 404.
 */
export function useWorkload(volumeId: string) {
  return useQuery({
    queryKey: queryKeys.workload(volumeId),
    queryFn: async ({ signal }) => {
      try {
        return await getJson<Workload | null>(volumePath(volumeId, '/workload'), signal);
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    // Pushes keep it current; a reconnect refetches everything under `volumes`.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStartWorkload(volumeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: WorkloadRequest) => postJson<Workload>(volumePath(volumeId, '/workload'), request),
    onSuccess: (workload) => client.setQueryData(queryKeys.workload(volumeId), workload),
  });
}

export function useStopWorkload(volumeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await deleteResource(volumePath(volumeId, '/workload'));
      } catch (error) {
        // Already stopped (another console, the volume's deletion): the goal is reached.
        if (!isApiError(error, 404)) throw error;
      }
    },
    onSuccess: () => client.setQueryData<Workload | null>(queryKeys.workload(volumeId), null),
  });
}

/**
 * What can change how much of the volume holds data: its workload's written bytes, and the
 * copied bytes of relationships that copy into it.
 */
export function usageChangeKey(volumeId: string, workload: Workload | null | undefined, copies: readonly Copy[]): string {
  const written = workload?.stats.bytesWritten ?? 0;
  const copied = copies
    .filter((copy) => copy.targetVolumeId === volumeId || copy.sourceVolumeId === volumeId)
    .map((copy) => `${copy.id}:${copy.progress.copiedBytes}:${copy.updatedAt}`);
  return [written, ...copied].join('|');
}

/** How often the volume page asks for host I/O counters and NBD connections. */
export const HOST_IO_REFRESH_MS = 2_000;

export function useVolumeUsage(volumeId: string, changeKey: string) {
  const usage = useQuery({
    queryKey: queryKeys.volumeUsage(volumeId),
    queryFn: ({ signal }) => getJson<VolumeUsage>(volumePath(volumeId, '/usage'), signal),
    staleTime: 0,
    // Host I/O from outside the console (the REST data path, NBD clients) pushes nothing: look again.
    refetchInterval: HOST_IO_REFRESH_MS,
  });
  useRefetchOnChange(changeKey, usage.refetch, USAGE_REFRESH_MS);
  return usage;
}
