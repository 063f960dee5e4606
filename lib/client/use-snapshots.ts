'use client';
// SANtricity snapshot volumes on the volume page: a base's snapshots (from its array's volume
// list, kept live by pushed volume updates), taking one, and re-creating or disabling one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { postJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Volume } from './types';
import { useVolumes } from './use-volumes';

export const SNAPSHOT_ACTIONS = ['recreate', 'disable'] as const;
export type SnapshotAction = (typeof SNAPSHOT_ACTIONS)[number];

/** Shares of the base a repository may be given in the console (the API takes any size). */
export const REPOSITORY_PERCENTS = [10, 20, 30, 50, 100] as const;
export const REPOSITORY_PERCENT_DEFAULT = 20;

export function useSnapshotsOf(base: Pick<Volume, 'id' | 'arrayId'>) {
  const volumes = useVolumes({ arrayId: base.arrayId });
  const snapshots = useMemo(() => volumes.data?.filter((volume) => volume.snapshot?.baseVolumeId === base.id), [volumes.data, base.id]);
  return { ...volumes, snapshots };
}

/** `percent` of the base in whole sectors, rounded up (as the server rounds its default). */
export function repositoryBytesFor(baseCapacityBytes: bigint, percent: number): bigint {
  const bytes = (baseCapacityBytes * BigInt(percent) + 99n) / 100n;
  return ((bytes + 511n) / 512n) * 512n;
}

function useFleetRefresh() {
  const client = useQueryClient();
  return (volume: Volume) => {
    client.setQueryData(queryKeys.volume(volume.id), volume);
    return Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.volumes }),
      client.invalidateQueries({ queryKey: queryKeys.arrays }),
      client.invalidateQueries({ queryKey: queryKeys.events }),
    ]);
  };
}

export function useTakeSnapshot(baseVolumeId: string) {
  const refresh = useFleetRefresh();
  return useMutation({
    mutationFn: (body: { name?: string; repositoryCapacityBytes: number | string }) =>
      postJson<Volume>(`/api/volumes/${encodeURIComponent(baseVolumeId)}/snapshots`, body),
    onSuccess: refresh,
  });
}

export function useSnapshotAction(snapshotVolumeId: string) {
  const refresh = useFleetRefresh();
  return useMutation({
    mutationFn: (action: SnapshotAction) => postJson<Volume>(`/api/volumes/${encodeURIComponent(snapshotVolumeId)}/snapshot/actions/${action}`, {}),
    onSuccess: refresh,
  });
}
