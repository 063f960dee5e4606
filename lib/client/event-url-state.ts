// The Events page's filters live in the URL query (?category=audit&actor=alice&kind=…&array=…),
// so a reload, a shared link or the back button shows the same slice of the log.

export const EVENT_CATEGORIES = ['audit', 'changes'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** How far back the log is shown; '' = all of it. */
export const EVENT_WINDOWS = { '15m': 15 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000, '7d': 7 * 24 * 60 * 60_000 } as const;
export type EventWindow = keyof typeof EVENT_WINDOWS;

function isWindow(value: string | null): value is EventWindow {
  return value !== null && Object.hasOwn(EVENT_WINDOWS, value);
}

export interface EventViewState {
  window: EventWindow | '';
  category: EventCategory | ''; // '' = requests and storage changes alike
  actor: string; // '' = everyone
  kind: string; // '' = every kind
  arrayId: string; // '' = every array
}

export const DEFAULT_EVENT_VIEW: EventViewState = { window: '', category: '', actor: '', kind: '', arrayId: '' };

function isCategory(value: string | null): value is EventCategory {
  return value !== null && (EVENT_CATEGORIES as readonly string[]).includes(value);
}

export function parseEventView(params: URLSearchParams): EventViewState {
  const category = params.get('category');
  const window = params.get('since');
  return {
    window: isWindow(window) ? window : '',
    category: isCategory(category) ? category : '',
    actor: params.get('actor') ?? '',
    kind: params.get('kind') ?? '',
    arrayId: params.get('array') ?? '',
  };
}

export function serializeEventView(state: EventViewState): string {
  const params = new URLSearchParams();
  if (state.window !== '') params.set('since', state.window);
  if (state.category !== '') params.set('category', state.category);
  if (state.actor !== '') params.set('actor', state.actor);
  if (state.kind !== '') params.set('kind', state.kind);
  if (state.arrayId !== '') params.set('array', state.arrayId);
  return params.toString();
}

export function hasEventFilters(state: EventViewState): boolean {
  return serializeEventView(state) !== '';
}

/** The window's start as the API's `since`, at the moment of asking. */
export function sinceOf(window: EventWindow, nowMs: number): string {
  return new Date(nowMs - EVENT_WINDOWS[window]).toISOString();
}

/**
 * The API's query for this view: the list and the CSV export take the same filters. The time window
 * stays a window here (a stable query key); it becomes `since` only when a request is made.
 */
export function eventApiFilter(state: EventViewState): { window?: EventWindow; category?: EventCategory; actor?: string; kind?: string; arrayId?: string } {
  return {
    ...(state.window === '' ? {} : { window: state.window }),
    ...(state.category === '' ? {} : { category: state.category }),
    ...(state.actor === '' ? {} : { actor: state.actor }),
    ...(state.kind === '' ? {} : { kind: state.kind }),
    ...(state.arrayId === '' ? {} : { arrayId: state.arrayId }),
  };
}
