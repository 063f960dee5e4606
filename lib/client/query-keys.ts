// Every query key in one place, so mutations invalidate exactly what they change.
import type { EventWindow } from './event-url-state';

export interface VolumeListFilter {
  arrayId?: string;
  role?: string;
  owner?: 'A' | 'B';
  q?: string;
}

export interface EventListFilter {
  kind?: string;
  arrayId?: string;
  actor?: string;
  category?: 'audit' | 'changes';
  subjectId?: string;
  /** Only the events of this last stretch of time (turned into `since` when fetched). */
  window?: EventWindow;
  limit: number;
}

export const queryKeys = {
  arrays: ['arrays'] as const,
  array: (id: string) => ['arrays', id] as const,
  volumes: ['volumes'] as const,
  volumeList: (filter: VolumeListFilter) => ['volumes', 'list', filter] as const,
  /** Under `volumes`, so whatever refreshes the lists refreshes single volumes too. */
  volume: (id: string) => ['volumes', 'detail', id] as const,
  /** The running workload of a volume, or null: fetched once, then kept by pushed `workloads.*`. */
  workload: (volumeId: string) => ['volumes', 'workload', volumeId] as const,
  /** Bytes a volume holds data in: pulled again as pushes about its writes arrive. */
  volumeUsage: (volumeId: string) => ['volumes', 'usage', volumeId] as const,
  events: ['events'] as const,
  eventList: (filter: EventListFilter) => ['events', 'list', filter] as const,
  /** Under `events`, so whatever refreshes the log refreshes the user filter's choices too. */
  eventActors: ['events', 'actors'] as const,
  copies: ['copies'] as const,
  /** Under `copies`, so invalidating the list refreshes open details too. */
  copy: (id: string) => ['copies', 'detail', id] as const,
  /** The heatmap's cells: refetched as pushes for the copy arrive, never pushed themselves. */
  copyBitmap: (id: string, cells: number) => ['copies', 'bitmap', id, cells] as const,
  /** Faults in force: refetched whenever a pushed array changes (a fault's events touch its array). */
  faults: ['faults'] as const,
  faultList: (arrayId: string) => ['faults', arrayId] as const,
  /** Under `copies`: every copy change can change which volumes may be targets. */
  eligibility: (type: string, sourceVolumeId: string) => ['copies', 'eligibility', type, sourceVolumeId] as const,
  /**
   * What commands would do (POST /api/preview). Under `copies`, so every copy change asks again;
   * `basis` names the rest of the state the answer rests on (controllers, faults) as the page sees it.
   */
  preview: (commands: readonly unknown[], basis: string) => ['copies', 'preview', commands, basis] as const,
  consistencyGroups: ['consistency-groups'] as const,
  simulation: ['simulation'] as const,
  health: ['health'] as const,
  /** The Copy Services Servers (GET /api/cluster): polled, and refetched at once when a takeover event is pushed. */
  cluster: ['cluster'] as const,
  throughput: ['throughput'] as const,
  users: ['users'] as const,
  /** Under `tokens`, so one invalidation refreshes both your own list and the admin's list of all. */
  tokens: ['tokens'] as const,
  tokenList: (scope: 'own' | 'all') => ['tokens', scope] as const,
};
