import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_VIEW, eventApiFilter, hasEventFilters, parseEventView, serializeEventView, sinceOf } from './event-url-state';

describe('event view URL state', () => {
  it('round-trips every filter through the query string', () => {
    const state = { window: '1h', category: 'audit', actor: 'alice smith', kind: 'volume.created', arrayId: 'arr_1' } as const;
    const query = serializeEventView(state);
    expect(query).toBe('since=1h&category=audit&actor=alice+smith&kind=volume.created&array=arr_1');
    expect(parseEventView(new URLSearchParams(query))).toEqual(state);
  });

  it('reads an unknown category as no filter and writes nothing for the default view', () => {
    expect(parseEventView(new URLSearchParams('category=everything&since=forever'))).toEqual(DEFAULT_EVENT_VIEW);
    expect(serializeEventView(DEFAULT_EVENT_VIEW)).toBe('');
    expect(hasEventFilters(DEFAULT_EVENT_VIEW)).toBe(false);
  });

  it('sends only the chosen filters to the API', () => {
    expect(eventApiFilter({ ...DEFAULT_EVENT_VIEW, actor: 'bob' })).toEqual({ actor: 'bob' });
    expect(eventApiFilter({ ...DEFAULT_EVENT_VIEW, window: '15m' })).toEqual({ window: '15m' });
    expect(sinceOf('15m', Date.UTC(2026, 10, 28, 12, 0))).toBe('2026-11-28T11:45:00.000Z');
  });
});
