'use client';
import { useMemo } from 'react';
import { useArrays } from '@/lib/client/use-arrays';
import { useVolumes } from '@/lib/client/use-volumes';

export interface CopyNames {
  arrayName: (id: string) => string;
  volumeName: (id: string) => string;
}

/** Array and volume names for copy rows, from the same cached lists the other pages use. */
export function useCopyNames(): CopyNames {
  const arrays = useArrays();
  const volumes = useVolumes({});
  return useMemo(() => {
    const arrayNames = new Map((arrays.data ?? []).map((array) => [array.id, array.name]));
    const volumeNames = new Map((volumes.data ?? []).map((volume) => [volume.id, volume.name]));
    return {
      arrayName: (id: string) => arrayNames.get(id) ?? id,
      volumeName: (id: string) => volumeNames.get(id) ?? id,
    };
  }, [arrays.data, volumes.data]);
}
