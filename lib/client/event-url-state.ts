// The Events page's kind filter lives in the URL query (?kind=volume.created).

export interface EventViewState {
  kind: string; // '' = every kind
}

export function parseEventView(params: URLSearchParams): EventViewState {
  return { kind: params.get('kind') ?? '' };
}

export function serializeEventView(state: EventViewState): string {
  return state.kind === '' ? '' : new URLSearchParams({ kind: state.kind }).toString();
}
