'use client';
// Which volumes may be the target of a copy from a source, and why not (GET
// /api/copies/eligibility): the engine's own rule, so the wizard and the create call agree.
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from './fetch-json';
import { queryKeys } from './query-keys';
import type { EligibilityEntry } from './target-matching';

function fetchEligibility(type: string, sourceVolumeId: string, signal: AbortSignal): Promise<EligibilityEntry[]> {
  return getJson<EligibilityEntry[]>(apiPath('/api/copies/eligibility', { type, sourceVolumeId }), signal);
}

export function useEligibility(type: string | undefined, sourceVolumeId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.eligibility(type ?? '', sourceVolumeId ?? ''),
    queryFn: ({ signal }) => fetchEligibility(type as string, sourceVolumeId as string, signal),
    enabled: type !== undefined && sourceVolumeId !== undefined,
  });
}

/** One answer per source (bulk mode): a map once all have arrived, else null. */
export function useEligibilities(type: string | undefined, sourceVolumeIds: readonly string[]) {
  return useQueries({
    queries: sourceVolumeIds.map((sourceVolumeId) => ({
      queryKey: queryKeys.eligibility(type ?? '', sourceVolumeId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchEligibility(type as string, sourceVolumeId, signal),
      enabled: type !== undefined,
    })),
    combine: (results) => ({
      data: results.every((result) => result.data !== undefined) ? new Map(sourceVolumeIds.map((id, index) => [id, results[index]?.data ?? []])) : null,
      error: results.find((result) => result.error !== null)?.error ?? null,
      isPending: results.some((result) => result.isPending),
    }),
  });
}
