'use client';
// The data of one copy's detail page: the copy (kept live by pushed `copies.updated`), its bitmap
// cells (pulled again as pushes for this copy arrive, at most BITMAP_REFRESH_MS apart, because
// bitmaps are too big to push), its own history and its volumes' ownership moves.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from './fetch-json';
import { useWatchCopies } from './live-progress';
import { queryKeys } from './query-keys';
import type { Copy, CopyBitmap } from './types';
import { useRefetchOnChange } from './use-refetch-on-change';
import { useEvents } from './use-events';

/** At most four bitmap fetches a second per open page, however fast the pushes come. */
export const BITMAP_REFRESH_MS = 250;
/** While grains move, fetch this often even if a push went missing. */
const MOVING_REFRESH_MS = 1_000;
const TIMELINE_LIMIT = 50;
const OWNER_MOVES_LIMIT = 10;

/** One copy, its progress live while the caller is mounted. */
export function useCopy(id: string) {
  useWatchCopies([id]);
  return useQuery({
    queryKey: queryKeys.copy(id),
    queryFn: ({ signal }) => getJson<Copy>(`/api/copies/${encodeURIComponent(id)}`, signal),
  });
}

/**
 * The copy's bitmap in at most `cellsMax` cells. `changedAt` is when the copy last changed in the
 * cache (a push or a refetch): each change asks for the bitmap again, throttled.
 */
export function useCopyBitmap(copy: Copy, changedAt: number, cellsMax: number) {
  const moving = copy.progress.rateBytesPerSec > 0;
  const bitmap = useQuery({
    queryKey: queryKeys.copyBitmap(copy.id, cellsMax),
    queryFn: ({ signal }) => getJson<CopyBitmap>(apiPath(`/api/copies/${encodeURIComponent(copy.id)}/bitmap`, { cells: cellsMax }), signal),
    placeholderData: keepPreviousData,
    refetchInterval: moving ? MOVING_REFRESH_MS : false,
    staleTime: 0,
  });
  useRefetchOnChange(changedAt, bitmap.refetch, BITMAP_REFRESH_MS);
  return bitmap;
}

/** This copy's own events (created, state changes, options, removal), newest first. */
export function useCopyTimeline(copy: Copy) {
  return useEvents({ subjectId: copy.id, arrayId: copy.arrayId, limit: TIMELINE_LIMIT });
}

/** A volume's moves between controllers, newest first. */
export function useOwnerMoves(volumeId: string, arrayId: string) {
  return useEvents({ kind: 'volume.owner-changed', subjectId: volumeId, arrayId, limit: OWNER_MOVES_LIMIT });
}
