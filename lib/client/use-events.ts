'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { sinceOf } from './event-url-state';
import { apiPath, getJson } from './fetch-json';
import { queryKeys, type EventListFilter } from './query-keys';
import type { FleetEvent } from './types';

export function useEvents(filter: EventListFilter) {
  return useQuery({
    queryKey: queryKeys.eventList(filter),
    queryFn: ({ signal }) => {
      const { window, ...rest } = filter;
      return getJson<FleetEvent[]>(apiPath('/api/events', { ...rest, ...(window === undefined ? {} : { since: sinceOf(window, Date.now()) }) }), signal);
    },
    placeholderData: keepPreviousData,
  });
}

/** Everyone who appears in the log (users, "system", "anonymous"), for the user filter. */
export function useEventActors() {
  return useQuery({
    queryKey: queryKeys.eventActors,
    queryFn: ({ signal }) => getJson<string[]>('/api/events/actors', signal),
  });
}
