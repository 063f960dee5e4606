import { describe, expect, it } from 'vitest';
import { byCreation, mergeById, removeById } from './live-cache';

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
