import { describe, expect, it } from 'vitest';
import { ProgressWatch, WatchMessage } from './progress-watch';
import type { ProgressTuple } from './progress-wire';

const tuple = (id: string, percent: number): ProgressTuple => [id, percent, 0, 100, 1, 10, 0, 1_000];
const tuples = (...list: ProgressTuple[]) => new Map(list.map((t) => [t[0], t]));
const spec = (copyIds: string[], all = false) => WatchMessage.parse({ copyIds, all });

describe('ProgressWatch', () => {
  it('answers the copies newly watched, so they are sent at once', () => {
    const watch = new ProgressWatch();
    expect(watch.set('s1', spec(['a', 'b']))).toEqual(['a', 'b']);
    expect(watch.set('s1', spec(['b', 'c']))).toEqual(['c']);
    expect(watch.set('s1', spec([], true))).toBe('all');
    expect(watch.set('s1', spec([], true))).toEqual([]);
    expect(watch.set('s1', spec(['a']))).toEqual([]);
  });

  it('knows whether anyone wants a copy, across sockets and as they leave', () => {
    const watch = new ProgressWatch();
    watch.set('s1', spec(['a', 'b']));
    watch.set('s2', spec(['b']));
    expect(['a', 'b', 'c'].map((id) => watch.anyoneWants(id))).toEqual([true, true, false]);
    watch.set('s1', spec(['c']));
    expect(['a', 'b', 'c'].map((id) => watch.anyoneWants(id))).toEqual([false, true, true]);
    watch.forget('s2');
    expect(['a', 'b', 'c'].map((id) => watch.anyoneWants(id))).toEqual([false, false, true]);
    watch.set('s3', spec([], true));
    expect(watch.anyoneWants('z')).toBe(true);
    watch.forget('s3');
    watch.forget('s1');
    expect(watch.anyoneWants('c')).toBe(false);
    expect(watch.size).toBe(0);
  });

  it('selects for a socket the watched copies whose figures moved since it last got them', () => {
    const watch = new ProgressWatch();
    watch.set('s1', spec(['a', 'b']));
    expect(watch.select('s1', tuples(tuple('a', 1), tuple('b', 1), tuple('c', 1)))).toEqual([tuple('a', 1), tuple('b', 1)]);
    expect(watch.select('s1', tuples(tuple('a', 1), tuple('b', 2)))).toEqual([tuple('b', 2)]);
    // Unwatched and watched again: its figures go again (the row may show older ones by then).
    watch.set('s1', spec(['b']));
    watch.set('s1', spec(['a', 'b']));
    expect(watch.select('s1', tuples(tuple('a', 1), tuple('b', 2)))).toEqual([tuple('a', 1)]);
    watch.removed('b');
    expect(watch.select('s1', tuples(tuple('b', 2)))).toEqual([tuple('b', 2)]);
    expect(watch.select('nobody', tuples(tuple('a', 5)))).toEqual([]);
  });

  it('compares figures as they would go out: a chain equal in value is no change, one that moved is', () => {
    const watch = new ProgressWatch();
    watch.set('s1', spec(['a']));
    const chained = (cleanGrains: number): ProgressTuple => [...tuple('a', 1), { cleanGrains, dependentMappingIds: ['b'] }];
    expect(watch.select('s1', tuples(chained(3)))).toHaveLength(1);
    expect(watch.select('s1', tuples(chained(3)))).toEqual([]);
    expect(watch.select('s1', tuples(chained(2)))).toEqual([chained(2)]);
    // A copy that left its chain (no chain object now) moved too.
    expect(watch.select('s1', tuples(tuple('a', 1)))).toEqual([tuple('a', 1)]);
    const noEta: ProgressTuple = ['a', 1, 0, 100, 1, null, 0, 1_000];
    expect(watch.select('s1', tuples(noEta))).toEqual([noEta]);
    expect(watch.select('s1', tuples(['a', 1, 0, 100, 1, null, 0, 1_000]))).toEqual([]);
  });

  it('gives a socket watching everything every copy', () => {
    const watch = new ProgressWatch();
    watch.set('s1', spec([], true));
    expect(watch.select('s1', tuples(tuple('x', 1), tuple('y', 1)))).toHaveLength(2);
  });

  it('accepts room-like ids only, and a bounded number of them', () => {
    expect(WatchMessage.safeParse({ copyIds: ['ok_1-2'] }).success).toBe(true);
    expect(WatchMessage.safeParse({ copyIds: ['no spaces'] }).success).toBe(false);
    expect(WatchMessage.safeParse({ copyIds: Array.from({ length: 501 }, (_, i) => `c${i}`) }).success).toBe(false);
    expect(WatchMessage.safeParse({ copyIds: [], extra: 1 }).success).toBe(false);
  });
});
