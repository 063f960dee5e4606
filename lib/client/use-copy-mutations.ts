'use client';
// Acting on a copy relationship changes the copy, its volumes' roles and access, and the event
// log; the live socket brings most of it, and these refetches close the gap for the actor.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { deleteResource, patchJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { Copy } from './types';

export function invalidateAfterCopyChange(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.copies }),
    client.invalidateQueries({ queryKey: queryKeys.volumes }),
    client.invalidateQueries({ queryKey: queryKeys.events }),
  ]);
}

export interface CopyActionRequest {
  copyId: string;
  action: string;
  mode?: string;
}

export function postCopyAction({ copyId, action, mode }: CopyActionRequest): Promise<Copy> {
  return postJson<Copy>(`/api/copies/${encodeURIComponent(copyId)}/actions/${encodeURIComponent(action)}`, mode === undefined ? {} : { mode });
}

export function deleteCopy(copyId: string): Promise<void> {
  return deleteResource(`/api/copies/${encodeURIComponent(copyId)}`);
}

export function useCopyAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postCopyAction,
    onSuccess: (copy) => {
      client.setQueryData(queryKeys.copy(copy.id), copy);
      return invalidateAfterCopyChange(client);
    },
  });
}

export function useDeleteCopy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteCopy,
    onSuccess: () => invalidateAfterCopyChange(client),
  });
}

export interface CopyOptionsRequest {
  copyId: string;
  /** Only the options that change: the server refuses the ones fixed at creation. */
  options: Record<string, unknown>;
}

export function useCopyOptions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ copyId, options }: CopyOptionsRequest) => patchJson<Copy>(`/api/copies/${encodeURIComponent(copyId)}`, { options }),
    onSuccess: (copy) => {
      client.setQueryData(queryKeys.copy(copy.id), copy);
      return invalidateAfterCopyChange(client);
    },
  });
}

export interface CopyRenameRequest {
  copyId: string;
  name: string;
}

/** PATCH {name}: 409 when the array has a relationship of that name (ignoring case), 400 when the rule refuses it. */
export function useRenameCopy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ copyId, name }: CopyRenameRequest) => patchJson<Copy>(`/api/copies/${encodeURIComponent(copyId)}`, { name }),
    onSuccess: (copy) => {
      client.setQueryData(queryKeys.copy(copy.id), copy);
      return invalidateAfterCopyChange(client);
    },
  });
}
