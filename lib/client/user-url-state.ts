// The Users page's search and sort live in the URL query (?q=ali&sort=lastSeen&dir=desc), so a
// reload or a shared link shows the same view. Unknown values mean "not set".

export const USER_SORT_COLUMNS = ['username', 'role', 'created', 'lastSeen', 'sessions', 'tokens'] as const;
export type UserSortColumn = (typeof USER_SORT_COLUMNS)[number];

export interface UserViewState {
  q: string;
  sort: UserSortColumn | null;
  descending: boolean;
}

export function isUserSortColumn(value: string | null | undefined): value is UserSortColumn {
  return typeof value === 'string' && (USER_SORT_COLUMNS as readonly string[]).includes(value);
}

export function parseUserView(params: URLSearchParams): UserViewState {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    sort: isUserSortColumn(sort) ? sort : null,
    descending: isUserSortColumn(sort) && params.get('dir') === 'desc',
  };
}

export function serializeUserView(state: UserViewState): string {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  if (state.sort !== null) {
    params.set('sort', state.sort);
    if (state.descending) params.set('dir', 'desc');
  }
  return params.toString();
}

/** Case-insensitive substring match on the username. */
export function matchesUserSearch(username: string, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return needle === '' || username.toLowerCase().includes(needle);
}
