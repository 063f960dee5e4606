import { describe, expect, it } from 'vitest';
import { copyMatches, DEFAULT_COPY_VIEW, hasCopyFilters, parseCopyView, serializeCopyView } from './copy-url-state';

describe('copy view URL state', () => {
  it('round-trips filters, search and sort', () => {
    const state = { type: 'shadowimage', state: 'PAIR', arrayId: 'arr_2', q: 'db01', sort: 'progress', descending: true } as const;
    const query = serializeCopyView(state);
    expect(query).toBe('type=shadowimage&state=PAIR&array=arr_2&q=db01&sort=progress&dir=desc');
    expect(parseCopyView(new URLSearchParams(query))).toEqual(state);
  });

  it('ignores unknown services and sort columns, and a direction without a sort', () => {
    expect(parseCopyView(new URLSearchParams('type=tape&sort=colour&dir=desc'))).toEqual(DEFAULT_COPY_VIEW);
    expect(hasCopyFilters(DEFAULT_COPY_VIEW)).toBe(false);
  });

  it('matches by service, state, array and by either volume name, case-insensitively', () => {
    const copy = { id: 'c1', name: 'fcmap0', type: 'flashcopy', state: 'copying', arrayId: 'a1', sourceName: 'DB01_data', targetName: 'db01_snap' };
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, q: 'SNAP' }, copy)).toBe(true);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, type: 'shadowimage' }, copy)).toBe(false);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, state: 'copying', arrayId: 'a1' }, copy)).toBe(true);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, arrayId: 'a2' }, copy)).toBe(false);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, q: 'log' }, copy)).toBe(false);
  });

  it("searches the relationship's own name too, and sorts by it", () => {
    const copy = { id: 'c1', name: 'Nightly_SQL01', type: 'flashcopy', state: 'copying', arrayId: 'a1', sourceName: 'vol_a', targetName: 'vol_b' };
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, q: 'nightly' }, copy)).toBe(true);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, q: 'sql01' }, copy)).toBe(true);
    expect(copyMatches({ ...DEFAULT_COPY_VIEW, q: 'weekly' }, copy)).toBe(false);
    const view = parseCopyView(new URLSearchParams('sort=name&dir=desc&q=nightly'));
    expect(view).toMatchObject({ sort: 'name', descending: true, q: 'nightly' });
    expect(serializeCopyView(view)).toBe('q=nightly&sort=name&dir=desc');
  });
});
