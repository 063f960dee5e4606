'use client';
// Creating, renaming or deleting a volume changes the volume lists, the arrays' capacity and owner
// counts, and the event log: all three are refetched after each.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { deleteResource, patchJson, postJson, putJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { CreateVolumeRequest, Volume } from './types';

function invalidateFleet(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.volumes }),
    client.invalidateQueries({ queryKey: queryKeys.arrays }),
    client.invalidateQueries({ queryKey: queryKeys.events }),
  ]);
}

export function useCreateVolume() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVolumeRequest) => postJson<Volume>('/api/volumes', body),
    onSuccess: () => invalidateFleet(client),
  });
}

/**
 * `onDeleted` runs before the refetches: a page showing the volume itself must leave first, or
 * its own refetch answers 404 and it flashes "not found".
 */
export function useDeleteVolume(options: { onDeleted?: (volume: Pick<Volume, 'id'>) => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (volume: Pick<Volume, 'id'>) => deleteResource(`/api/volumes/${encodeURIComponent(volume.id)}`),
    onSuccess: (_nothing, volume) => {
      options.onDeleted?.(volume);
      return invalidateFleet(client);
    },
  });
}

export interface VolumeRenameRequest {
  volumeId: string;
  name: string;
}

/** PATCH {name}: 409 when the array has a volume of that name. Copy rows show volume names, so they follow. */
export function useRenameVolume() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ volumeId, name }: VolumeRenameRequest) => patchJson<Volume>(`/api/volumes/${encodeURIComponent(volumeId)}`, { name }),
    onSuccess: (volume) => {
      client.setQueryData(queryKeys.volume(volume.id), volume);
      return invalidateFleet(client);
    },
  });
}

/** PUT owner: the volume (and a copy target following it) moves; owner counts on the array change. */
export function useChangeVolumeOwner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ volumeId, owner }: { volumeId: string; owner: 'A' | 'B' }) =>
      putJson<Volume>(`/api/volumes/${encodeURIComponent(volumeId)}/owner`, { owner }),
    onSuccess: (volume) => {
      client.setQueryData(queryKeys.volume(volume.id), volume);
      return invalidateFleet(client);
    },
  });
}
