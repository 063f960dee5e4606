// The Volumes page's filters, search and sort live in the URL query, so a reload, a shared link
// or the back button shows the same view. Parsing is lenient: unknown values mean "no filter".

export const VOLUME_SORT_COLUMNS = ['name', 'array', 'pool', 'capacity', 'preferredOwner', 'currentOwner', 'roles', 'status', 'readOnly'] as const;
export type VolumeSortColumn = (typeof VOLUME_SORT_COLUMNS)[number];

export const ROLE_ANY = '';
export const ROLE_NONE = 'none';

export interface VolumeViewState {
  arrayId: string; // '' = every array
  role: string; // ROLE_ANY, ROLE_NONE or a role name
  owner: '' | 'A' | 'B';
  q: string;
  sort: VolumeSortColumn | null;
  descending: boolean;
}

export const DEFAULT_VOLUME_VIEW: VolumeViewState = { arrayId: '', role: ROLE_ANY, owner: '', q: '', sort: null, descending: false };

function isSortColumn(value: string | null): value is VolumeSortColumn {
  return value !== null && (VOLUME_SORT_COLUMNS as readonly string[]).includes(value);
}

export function parseVolumeView(params: URLSearchParams): VolumeViewState {
  const owner = params.get('owner');
  const sort = params.get('sort');
  return {
    arrayId: params.get('array') ?? '',
    role: params.get('role') ?? ROLE_ANY,
    owner: owner === 'A' || owner === 'B' ? owner : '',
    q: params.get('q') ?? '',
    sort: isSortColumn(sort) ? sort : null,
    descending: isSortColumn(sort) && params.get('dir') === 'desc',
  };
}

export function serializeVolumeView(state: VolumeViewState): string {
  const params = new URLSearchParams();
  if (state.arrayId !== '') params.set('array', state.arrayId);
  if (state.role !== ROLE_ANY) params.set('role', state.role);
  if (state.owner !== '') params.set('owner', state.owner);
  if (state.q !== '') params.set('q', state.q);
  if (state.sort !== null) {
    params.set('sort', state.sort);
    if (state.descending) params.set('dir', 'desc');
  }
  return params.toString();
}

export function hasVolumeFilters(state: VolumeViewState): boolean {
  return state.arrayId !== '' || state.role !== ROLE_ANY || state.owner !== '' || state.q !== '';
}
