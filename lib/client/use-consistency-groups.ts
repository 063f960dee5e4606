'use client';
// Storwize consistency groups (GET /api/consistency-groups): the wizard offers an array's
// existing groups and creates new ones.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GroupDto } from '@/lib/api/copy-schemas';
import { getJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';

export type ConsistencyGroup = z.infer<typeof GroupDto>;

export function useConsistencyGroups(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.consistencyGroups,
    queryFn: ({ signal }) => getJson<ConsistencyGroup[]>('/api/consistency-groups', signal),
    enabled,
  });
}

export function createConsistencyGroup(arrayId: string, name: string): Promise<ConsistencyGroup> {
  return postJson<ConsistencyGroup>('/api/consistency-groups', { arrayId, name });
}
