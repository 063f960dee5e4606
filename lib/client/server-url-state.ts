// The Copy Services Servers page's view lives in the URL query (?role=backup&sort=heartbeat&dir=desc
// &tsort=took&tdir=desc), so a reload or a shared link shows the same tables. Unknown values mean
// "not set".
import type { ServerRole } from '@/lib/services/cluster';

export const SERVER_ROLES = ['primary', 'backup', 'unreachable', 'stopped'] as const satisfies readonly ServerRole[];
export const SERVER_SORT_COLUMNS = ['name', 'role', 'since', 'heartbeat', 'url'] as const;
export const TAKEOVER_SORT_COLUMNS = ['time', 'node', 'previous', 'epoch', 'took'] as const;
export type ServerSortColumn = (typeof SERVER_SORT_COLUMNS)[number];
export type TakeoverSortColumn = (typeof TAKEOVER_SORT_COLUMNS)[number];

export interface ServersViewState {
  role: ServerRole | ''; // '' = every role
  sort: ServerSortColumn | null;
  descending: boolean;
  takeoverSort: TakeoverSortColumn | null;
  takeoverDescending: boolean;
}

function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isServerRole = (value: string | null | undefined): value is ServerRole => isOneOf(SERVER_ROLES, value);
export const isServerSortColumn = (value: string | null | undefined): value is ServerSortColumn => isOneOf(SERVER_SORT_COLUMNS, value);
export const isTakeoverSortColumn = (value: string | null | undefined): value is TakeoverSortColumn => isOneOf(TAKEOVER_SORT_COLUMNS, value);

export function parseServersView(params: URLSearchParams): ServersViewState {
  const role = params.get('role');
  const sort = params.get('sort');
  const takeoverSort = params.get('tsort');
  return {
    role: isServerRole(role) ? role : '',
    sort: isServerSortColumn(sort) ? sort : null,
    descending: isServerSortColumn(sort) && params.get('dir') === 'desc',
    takeoverSort: isTakeoverSortColumn(takeoverSort) ? takeoverSort : null,
    takeoverDescending: isTakeoverSortColumn(takeoverSort) && params.get('tdir') === 'desc',
  };
}

export function serializeServersView(state: ServersViewState): string {
  const params = new URLSearchParams();
  if (state.role !== '') params.set('role', state.role);
  if (state.sort !== null) {
    params.set('sort', state.sort);
    if (state.descending) params.set('dir', 'desc');
  }
  if (state.takeoverSort !== null) {
    params.set('tsort', state.takeoverSort);
    if (state.takeoverDescending) params.set('tdir', 'desc');
  }
  return params.toString();
}
