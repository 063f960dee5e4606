import { describe, expect, it } from 'vitest';
import { byArrayThenName, byCreation, eventMatches, mergeById, mergeVolumeList, prependEvents, removeById, volumeMatches } from './live-cache';

const row = (id: string, value: number) => ({ id, value });

describe('live cache merges', () => {
  it('replaces updated rows and keeps the others identical', () => {
    const list = [row('a', 1), row('b', 1)];
    const merged = mergeById(list, new Map([['b', row('b', 2)]]));
    expect(merged).toEqual([row('a', 1), row('b', 2)]);
    expect(merged[0]).toBe(list[0]);
  });

  it('appends unknown rows only when asked to', () => {
    const list = [row('a', 1)];
    expect(mergeById(list, new Map([['c', row('c', 1)]]))).toHaveLength(1);
    expect(mergeById(list, new Map([['c', row('c', 1)]]), () => true)).toHaveLength(2);
  });

  it('removes rows and returns the same list when nothing matched', () => {
    const list = [row('a', 1), row('b', 1)];
    expect(removeById(list, new Set(['a']))).toEqual([row('b', 1)]);
    expect(removeById(list, new Set(['z']))).toBe(list);
  });

  it('orders by creation time, then id', () => {
    const items = [
      { id: 'b', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'c', createdAt: '2025-01-01T00:00:00.000Z' },
    ];
    expect([...items].sort(byCreation).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});

const logged = (id: string, second: number, kind = 'audit', actor = 'alice', arrayId: string | null = null, subjectId = 'POST /api/volumes') => ({
  id,
  time: `2026-11-28T00:00:${String(second).padStart(2, '0')}.000Z`,
  kind,
  actor,
  arrayId,
  subjectId,
});

describe('live event tail', () => {
  it('applies the same filters as the server', () => {
    expect(eventMatches({ limit: 10, category: 'audit' }, logged('a', 1))).toBe(true);
    expect(eventMatches({ limit: 10, category: 'changes' }, logged('a', 1))).toBe(false);
    expect(eventMatches({ limit: 10, actor: 'bob' }, logged('a', 1))).toBe(false);
    expect(eventMatches({ limit: 10, arrayId: 'arr' }, logged('a', 1, 'volume.created', 'alice', 'arr'))).toBe(true);
    expect(eventMatches({ limit: 10, kind: 'volume.created' }, logged('a', 1))).toBe(false);
    expect(eventMatches({ limit: 10, subjectId: 'copy-1' }, logged('a', 1, 'copy.state-changed', 'system', 'arr', 'copy-1'))).toBe(true);
    expect(eventMatches({ limit: 10, subjectId: 'copy-1' }, logged('a', 1, 'copy.state-changed', 'system', 'arr', 'copy-2'))).toBe(false);
  });

  it('puts new matching events on top, newest first, skips known ones and keeps the page size', () => {
    const page = [logged('b', 2), logged('a', 1)];
    const next = prependEvents(page, [logged('c', 3), logged('d', 4), logged('b', 2), logged('x', 5, 'volume.created')], { limit: 3, category: 'audit' });
    expect(next.map((event) => event.id)).toEqual(['d', 'c', 'b']);
    expect(prependEvents(page, [logged('b', 2)], { limit: 3 })).toBe(page);
  });
});

const volume = (id: string, arrayId: string, name: string, roles: string[] = [], currentOwner = 'A') => ({ id, arrayId, name, roles, currentOwner });

describe('live volume lists', () => {
  it('applies the same filters as the server', () => {
    const paired = volume('v1', 'xp7', 'DB_Data', ['P-VOL'], 'B');
    expect(volumeMatches({}, paired)).toBe(true);
    expect(volumeMatches({ arrayId: 'xp7', q: 'db_d', owner: 'B', role: 'P-VOL' }, paired)).toBe(true);
    expect(volumeMatches({ arrayId: 'ds' }, paired)).toBe(false);
    expect(volumeMatches({ q: 'log' }, paired)).toBe(false);
    expect(volumeMatches({ owner: 'A' }, paired)).toBe(false);
    expect(volumeMatches({ role: 'S-VOL' }, paired)).toBe(false);
    expect(volumeMatches({ role: 'none' }, paired)).toBe(false);
    expect(volumeMatches({ role: 'none' }, volume('v2', 'xp7', 'x'))).toBe(true);
  });

  it('adds a created volume to the lists it belongs in, in the server order', () => {
    const list = [volume('a', 'xp7', 'alpha'), volume('c', 'xp7', 'gamma')];
    const created = volume('b', 'xp7', 'beta');
    const merged = mergeVolumeList(list, {}, new Map([['b', created]]), new Set());
    expect(merged.map((v) => v.id)).toEqual(['a', 'b', 'c']);
    expect(merged[0]).toBe(list[0]);
    expect(mergeVolumeList(list, { arrayId: 'ds6000' }, new Map([['b', created]]), new Set())).toBe(list);
    expect(mergeVolumeList(list, { q: 'zeta' }, new Map([['b', created]]), new Set())).toBe(list);
  });

  it('orders by array, then by name in code-point order (upper case first)', () => {
    const items = [volume('1', 'b', 'a'), volume('2', 'a', 'b'), volume('3', 'a', 'B')];
    expect([...items].sort(byArrayThenName).map((v) => v.id)).toEqual(['3', '2', '1']);
  });

  it('removes deleted volumes from every list, and leaves a list without them as it was', () => {
    const list = [volume('a', 'xp7', 'alpha'), volume('b', 'xp7', 'beta')];
    expect(mergeVolumeList(list, {}, new Map(), new Set(['a'])).map((v) => v.id)).toEqual(['b']);
    expect(mergeVolumeList(list, { q: 'alp' }, new Map(), new Set(['z']))).toBe(list);
    // Created and deleted before the frame applied them: it never shows.
    const gone = volume('n', 'xp7', 'new');
    expect(mergeVolumeList(list, {}, new Map([['n', gone]]), new Set(['n'])).map((v) => v.id)).toEqual(['a', 'b']);
  });
});
