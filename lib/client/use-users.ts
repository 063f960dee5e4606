'use client';
// User administration (admin only): the list, and the changes that refresh it. A user's tokens
// follow their role and go with them when deleted, so those changes refresh the token lists too.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody } from '@/lib/api/auth-schemas';
import type { UserView } from '@/lib/services/users';
import { deleteJson, getJson, patchJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';

export type User = UserView;
export type CreateUserRequest = z.input<typeof CreateUserBody>;
export type UpdateUserRequest = z.input<typeof UpdateUserBody>;

function userPath(id: string): string {
  return `/api/users/${encodeURIComponent(id)}`;
}

function invalidateUsers(client: QueryClient, tokensToo = false): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.users }),
    tokensToo ? client.invalidateQueries({ queryKey: queryKeys.tokens }) : undefined,
  ]);
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => getJson<User[]>('/api/users', signal),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => postJson<User>('/api/users', body),
    onSuccess: () => invalidateUsers(client),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserRequest }) => patchJson<User>(userPath(id), change),
    onSuccess: () => invalidateUsers(client, true),
  });
}

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: Pick<User, 'id'>) => deleteJson<User>(userPath(user.id)),
    onSuccess: () => invalidateUsers(client, true),
  });
}

/** Ends every browser session of the user; their API tokens keep working. */
export function useSignOutUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: Pick<User, 'id'>) => postJson<{ endedSessions: number }>(`${userPath(user.id)}/sign-out`, {}),
    onSuccess: () => invalidateUsers(client),
  });
}
