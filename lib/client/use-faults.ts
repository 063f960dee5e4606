'use client';
// Faults and controllers (docs/api.md#faults-and-controllers): the list of an array's faults, injecting and clearing them,
// failing and restoring controllers. Pushes bring the consequences (ownership, states); these
// refetches close the gap for the person who acted.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiPath, deleteResource, getJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Fault, InjectFaultRequest, StorageArray } from './types';

export function useFaults(arrayId: string) {
  return useQuery({
    queryKey: queryKeys.faultList(arrayId),
    queryFn: ({ signal }) => getJson<Fault[]>(apiPath('/api/faults', { arrayId }), signal),
  });
}

function invalidateAfterFault(client: QueryClient): Promise<unknown> {
  return Promise.all(
    [queryKeys.faults, queryKeys.arrays, queryKeys.copies, queryKeys.volumes, queryKeys.events].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}

export function useInjectFault() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: InjectFaultRequest) => postJson<Fault>('/api/faults', request),
    onSuccess: () => invalidateAfterFault(client),
  });
}

export function useClearFault() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (faultId: string) => deleteResource(`/api/faults/${encodeURIComponent(faultId)}`),
    onSuccess: () => invalidateAfterFault(client),
  });
}

export interface ControllerRequest {
  arrayId: string;
  slot: 'A' | 'B';
  action: 'fail' | 'restore';
}

export function useControllerAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ arrayId, slot, action }: ControllerRequest) =>
      postJson<StorageArray>(`/api/arrays/${encodeURIComponent(arrayId)}/controllers/${slot}/${action}`, {}),
    onSuccess: (array) => {
      client.setQueryData(queryKeys.array(array.id), array);
      return invalidateAfterFault(client);
    },
  });
}
