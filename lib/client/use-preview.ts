'use client';
// What commands would do, asked of the engine (POST /api/preview) rather than worked out here: the
// wizard's review, the fail-controller dialog and the faults panel show the answer as it comes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Preview, PreviewCommand } from '@/engine/client';
import { postJson } from './fetch-json';
import { queryKeys } from './query-keys';

interface PreviewAnswer {
  previews: Preview[];
}

/**
 * The engine's preview of `commands` (null: nothing to ask yet). `basis` changes when state the
 * answer rests on changes (a copy's state, a controller, a fault), so the preview is asked again.
 * While a new answer is on its way the last one stays up, marked by `isPlaceholderData`.
 */
export function usePreview(commands: readonly PreviewCommand[] | null, basis = '') {
  return useQuery({
    queryKey: queryKeys.preview(commands ?? [], basis),
    queryFn: async () => (await postJson<PreviewAnswer>('/api/preview', { commands })).previews,
    enabled: commands !== null && commands.length > 0,
    // An answer is about this moment: never served from cache without asking again.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
