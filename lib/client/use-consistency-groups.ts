'use client';
// Consistency groups (GET /api/consistency-groups) of the services that have them, Storwize and
// DS6000: the wizard offers an array's existing groups and creates new ones; a copy's page and
// history name the groups it is in; the array page lists its groups and thaws a frozen DS6000 one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { tableFor, type ArrayModel } from '@/engine/client';
import type { GroupDto } from '@/lib/api/copy-schemas';
import { getJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Copy } from './types';
import { invalidateAfterCopyChange } from './use-copy-mutations';

export type ConsistencyGroup = z.infer<typeof GroupDto>;

/** Whether the model's service has consistency groups (its state table says in which states members join them). */
export function hasGroups(model: ArrayModel): boolean {
  return tableFor(model).groupChangeIn !== undefined;
}

/** Whether the model's groups can freeze their sources (DS6000 mkflash -freeze): the wizard offers the freeze, the array page the thaw. */
export function groupsFreeze(model: ArrayModel): boolean {
  return tableFor(model).freezeWith !== undefined;
}

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

/**
 * What a group's shown state rests on: its members' states and last changes as the pushed copy
 * list has them. A freeze or a thaw (by hand or by timeout) changes a member's updatedAt, so the
 * groups are asked again when this changes (useRefetchOnChange).
 */
export function groupsBasis(groups: readonly ConsistencyGroup[], copies: readonly Copy[]): string {
  const grouped = new Set(groups.map((group) => group.id));
  return copies
    .filter((copy) => copy.consistencyGroupId !== null && grouped.has(copy.consistencyGroupId))
    .map((copy) => `${copy.id}:${copy.consistencyGroupId}:${copy.state}:${copy.updatedAt}`)
    .join(',');
}

export interface ThawResult {
  group: ConsistencyGroup;
  members: Copy[];
}

/** One of the members' actions applied to the whole group at one instant (POST /api/consistency-groups/:id/actions/:action). */
export function useGroupAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, action, mode }: { groupId: string; action: string; mode?: string | undefined }) =>
      postJson<ThawResult>(`/api/consistency-groups/${encodeURIComponent(groupId)}/actions/${encodeURIComponent(action)}`, mode === undefined ? {} : { mode }),
    onSuccess: ({ group }) => {
      client.setQueryData<ConsistencyGroup[]>(queryKeys.consistencyGroups, (groups) => groups?.map((known) => (known.id === group.id ? group : known)));
      return Promise.all([client.invalidateQueries({ queryKey: queryKeys.consistencyGroups }), invalidateAfterCopyChange(client)]);
    },
  });
}

/** DS6000 unfreezeflash: POST /api/consistency-groups/:id/actions/thaw. */
export function useThawGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => postJson<ThawResult>(`/api/consistency-groups/${encodeURIComponent(groupId)}/actions/thaw`, {}),
    onSuccess: ({ group }) => {
      client.setQueryData<ConsistencyGroup[]>(queryKeys.consistencyGroups, (groups) => groups?.map((known) => (known.id === group.id ? group : known)));
      return Promise.all([client.invalidateQueries({ queryKey: queryKeys.consistencyGroups }), invalidateAfterCopyChange(client)]);
    },
  });
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
