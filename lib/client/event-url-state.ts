// The Events page's filters live in the URL query (?category=audit&actor=alice&kind=…&array=…),
// so a reload, a shared link or the back button shows the same slice of the log.

export const EVENT_CATEGORIES = ['audit', 'changes'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export interface EventViewState {
  category: EventCategory | ''; // '' = requests and storage changes alike
  actor: string; // '' = everyone
  kind: string; // '' = every kind
  arrayId: string; // '' = every array
}

export const DEFAULT_EVENT_VIEW: EventViewState = { category: '', actor: '', kind: '', arrayId: '' };

function isCategory(value: string | null): value is EventCategory {
  return value !== null && (EVENT_CATEGORIES as readonly string[]).includes(value);
}

export function parseEventView(params: URLSearchParams): EventViewState {
  const category = params.get('category');
  return { category: isCategory(category) ? category : '', actor: params.get('actor') ?? '', kind: params.get('kind') ?? '', arrayId: params.get('array') ?? '' };
}

export function serializeEventView(state: EventViewState): string {
  const params = new URLSearchParams();
  if (state.category !== '') params.set('category', state.category);
  if (state.actor !== '') params.set('actor', state.actor);
  if (state.kind !== '') params.set('kind', state.kind);
  if (state.arrayId !== '') params.set('array', state.arrayId);
  return params.toString();
}

export function hasEventFilters(state: EventViewState): boolean {
  return serializeEventView(state) !== '';
}

/** The API's query for this view: the list and the CSV export take the same filters. */
export function eventApiFilter(state: EventViewState): { category?: EventCategory; actor?: string; kind?: string; arrayId?: string } {
  return {
    ...(state.category === '' ? {} : { category: state.category }),
    ...(state.actor === '' ? {} : { actor: state.actor }),
    ...(state.kind === '' ? {} : { kind: state.kind }),
    ...(state.arrayId === '' ? {} : { arrayId: state.arrayId }),
  };
}
