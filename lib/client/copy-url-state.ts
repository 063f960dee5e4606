// The Copies page's filters, search and sort live in the URL query, so a reload, a shared link or
// the back button shows the same view. Parsing is lenient: unknown values mean "no filter".

export const COPY_SORT_COLUMNS = ['name', 'type', 'array', 'source', 'target', 'state', 'progress', 'rate', 'eta', 'differential', 'updated'] as const;
export type CopySortColumn = (typeof COPY_SORT_COLUMNS)[number];

export const COPY_TYPE_FILTERS = ['volume-copy', 'shadowimage', 'flashcopy'] as const;

export interface CopyViewState {
  type: string; // '' = every service
  state: string; // '' = every state
  arrayId: string; // '' = every array
  q: string;
  sort: CopySortColumn | null;
  descending: boolean;
}

export const DEFAULT_COPY_VIEW: CopyViewState = { type: '', state: '', arrayId: '', q: '', sort: null, descending: false };

function isSortColumn(value: string | null): value is CopySortColumn {
  return value !== null && (COPY_SORT_COLUMNS as readonly string[]).includes(value);
}

export function parseCopyView(params: URLSearchParams): CopyViewState {
  const type = params.get('type') ?? '';
  const sort = params.get('sort');
  return {
    type: (COPY_TYPE_FILTERS as readonly string[]).includes(type) ? type : '',
    state: params.get('state') ?? '',
    arrayId: params.get('array') ?? '',
    q: params.get('q') ?? '',
    sort: isSortColumn(sort) ? sort : null,
    descending: isSortColumn(sort) && params.get('dir') === 'desc',
  };
}

export function serializeCopyView(state: CopyViewState): string {
  const params = new URLSearchParams();
  if (state.type !== '') params.set('type', state.type);
  if (state.state !== '') params.set('state', state.state);
  if (state.arrayId !== '') params.set('array', state.arrayId);
  if (state.q !== '') params.set('q', state.q);
  if (state.sort !== null) {
    params.set('sort', state.sort);
    if (state.descending) params.set('dir', 'desc');
  }
  return params.toString();
}

export function hasCopyFilters(state: CopyViewState): boolean {
  return state.type !== '' || state.state !== '' || state.arrayId !== '' || state.q !== '';
}

/** What a row offers to the filter and search: its service, state, array, its own name and both volume names. */
export interface FilterableCopy {
  id: string;
  name: string;
  type: string;
  state: string;
  arrayId: string;
  sourceName: string;
  targetName: string;
}

export function copyMatches(view: CopyViewState, copy: FilterableCopy): boolean {
  if (view.type !== '' && copy.type !== view.type) return false;
  if (view.state !== '' && copy.state !== view.state) return false;
  if (view.arrayId !== '' && copy.arrayId !== view.arrayId) return false;
  if (view.q === '') return true;
  const needle = view.q.toLowerCase();
  return (
    copy.name.toLowerCase().includes(needle) ||
    copy.sourceName.toLowerCase().includes(needle) ||
    copy.targetName.toLowerCase().includes(needle) ||
    copy.id.toLowerCase() === needle
  );
}
