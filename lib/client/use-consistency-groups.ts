'use client';
// Storwize consistency groups (GET /api/consistency-groups): the wizard offers an array's
// existing groups and creates new ones; a copy's page and history name the groups it is in.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
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

/** A group's name; null: no such group (deleted since); undefined: not known yet (loading, or a failed load). */
export type GroupNameOf = (groupId: string) => string | null | undefined;

function nameLookup(groups: readonly ConsistencyGroup[] | undefined): GroupNameOf {
  if (groups === undefined) return () => undefined;
  const names = new Map(groups.map((group) => [group.id, group.name]));
  return (groupId) => names.get(groupId) ?? null;
}

/** Names of consistency groups by id. `enabled` false (nothing to name) fetches nothing. */
export function useGroupNames(enabled: boolean): GroupNameOf {
  const loaded = useConsistencyGroups(enabled).data;
  return useMemo(() => nameLookup(loaded), [loaded]);
}
