'use client';
// API tokens: your own (anyone), or everyone's (admin, GET /api/tokens?all=true). A new token's
// secret is in the create answer only; the lists never carry it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateTokenBody } from '@/lib/api/auth-schemas';
import type { TokenView } from '@/lib/auth/tokens';
import { deleteResource, getJson, postJson } from './fetch-json';
import { queryKeys } from './query-keys';

export type ApiToken = TokenView;
export type CreateTokenRequest = z.input<typeof CreateTokenBody>;
export interface CreatedToken extends ApiToken {
  secret: string;
}

export function useTokens(scope: 'own' | 'all') {
  return useQuery({
    queryKey: queryKeys.tokenList(scope),
    queryFn: ({ signal }) => getJson<ApiToken[]>(scope === 'all' ? '/api/tokens?all=true' : '/api/tokens', signal),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => postJson<CreatedToken>('/api/tokens', body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.tokens }), client.invalidateQueries({ queryKey: queryKeys.users })]),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Pick<ApiToken, 'id'>) => deleteResource(`/api/tokens/${encodeURIComponent(token.id)}`),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.tokens }), client.invalidateQueries({ queryKey: queryKeys.users })]),
  });
}
