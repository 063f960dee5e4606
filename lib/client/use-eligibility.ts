'use client';
// Which volumes may be the target of a copy from a source, and why not (GET
// /api/copies/eligibility): the engine's own rule, so the wizard and the create call agree.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
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

type Answer = { data: EligibilityEntry[] | undefined; error: Error | null; isPending: boolean };

/** Plain arrays, so TanStack's structural sharing keeps the result's identity while nothing changed. */
function combineAnswers(results: Answer[]) {
  return { data: results.map((result) => result.data), error: results.find((result) => result.error !== null)?.error ?? null };
}

/** One answer per source (bulk mode): a map once all have arrived, else null. */
export function useEligibilities(type: string | undefined, sourceVolumeIds: readonly string[]) {
  const combined = useQueries({
    queries: sourceVolumeIds.map((sourceVolumeId) => ({
      queryKey: queryKeys.eligibility(type ?? '', sourceVolumeId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchEligibility(type as string, sourceVolumeId, signal),
      enabled: type !== undefined,
    })),
    combine: combineAnswers,
  });
  const { data: answers, error } = combined;
  const data = useMemo(() => {
    if (answers.some((answer) => answer === undefined)) return null;
    return new Map(sourceVolumeIds.map((id, index) => [id, answers[index] ?? []]));
  }, [answers, sourceVolumeIds]);
  return { data, error };
}
