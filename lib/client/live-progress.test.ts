import { describe, expect, it, vi } from 'vitest';
import { liveFiguresOf, ProgressStore, sameButLiveFigures, WatchRegistry, withProgress, type ProgressPatch } from './live-progress';
import type { Copy } from './types';

// The fields these functions read; the rest of a Copy does not matter to them.
const copy = {
  id: 'c1',
  state: 'copying',
  lastStarted: '2026-01-01T00:00:00.000Z',
  progress: { percent: 10, copiedBytes: 10, totalBytes: 100, rateBytesPerSec: 5, etaSeconds: 18 },
  differentialBytes: 0,
  updatedAt: '2026-01-01T00:00:10.000Z',
} as Copy;
const patch = (id: string, second: number, percent: number): ProgressPatch => ({
  id,
  progress: { percent, copiedBytes: percent, totalBytes: 100, rateBytesPerSec: 5, etaSeconds: (100 - percent) / 5 },
  differentialBytes: 0,
  updatedAt: `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`,
});

describe('withProgress', () => {
  it('takes pushed figures newer than the copy, and keeps the copy (same object) otherwise', () => {
    expect(withProgress(copy, patch('c1', 11, 20))).toMatchObject({ state: 'copying', progress: { percent: 20 }, updatedAt: '2026-01-01T00:00:11.000Z' });
    expect(withProgress(copy, patch('c1', 10, 20))).toBe(copy);
    expect(withProgress(copy, patch('c1', 9, 20))).toBe(copy);
    expect(withProgress(copy, patch('c2', 11, 20))).toBe(copy);
    expect(withProgress(copy, undefined)).toBe(copy);
  });
});

describe('a pushed whole copy', () => {
  const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
  const row = { ...copy, sourceName: 'src' };

  it('replaces the fields of an older row, keeping the row’s own (its names)', () => {
    const split = { ...copy, state: 'idle_or_copied', updatedAt: at(11) };
    expect(withProgress(row, liveFiguresOf(split))).toMatchObject({ state: 'idle_or_copied', sourceName: 'src', updatedAt: at(11) });
    // The list caught up: the row is as new as the pushed copy, and stays the same object.
    const caughtUp = { ...row, state: 'idle_or_copied', updatedAt: at(11) };
    expect(withProgress(caughtUp, liveFiguresOf(split))).toBe(caughtUp);
  });

  it('keeps its state in the store when figures pushed after it replace its figures', () => {
    const store = new ProgressStore();
    store.apply([liveFiguresOf({ ...copy, state: 'stopping', updatedAt: at(11) })]);
    store.apply([patch('c1', 12, 30)]);
    expect(withProgress(row, store.get('c1'))).toMatchObject({ state: 'stopping', progress: { percent: 30 }, updatedAt: at(12) });
    // Figures older than the copy change nothing; a copy older than the one held leaves the state.
    const listener = vi.fn();
    store.subscribe('c1', listener);
    store.apply([patch('c1', 11, 20), liveFiguresOf({ ...copy, state: 'copying', updatedAt: at(10) })]);
    expect(listener).not.toHaveBeenCalled();
    store.apply([liveFiguresOf({ ...copy, state: 'stopped', progress: { ...copy.progress, percent: 31 }, updatedAt: at(13) })]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(withProgress(row, store.get('c1'))).toMatchObject({ state: 'stopped', progress: { percent: 31 }, updatedAt: at(13) });
  });
});

describe('sameButLiveFigures', () => {
  it('calls a copy the same when only its figures moved, and different for anything else', () => {
    const row: typeof copy & { name: string; options: object; sourceName: string } = {
      ...copy,
      name: 'fcmap0',
      options: { copyRate: 50 },
      sourceName: 'src',
    };
    expect(sameButLiveFigures(row, row)).toBe(true);
    expect(sameButLiveFigures(row, withProgress(row, patch('c1', 11, 20)))).toBe(true);
    expect(sameButLiveFigures(row, { ...row, differentialBytes: 4096, chain: { cleaning: true } } as unknown as typeof row)).toBe(true);
    expect(sameButLiveFigures(row, { ...row, state: 'idle_or_copied' })).toBe(false);
    expect(sameButLiveFigures(row, { ...row, sourceName: 'renamed' })).toBe(false);
    // A whole copy pushed again has new nested objects: it renders again rather than guess.
    expect(sameButLiveFigures(row, { ...row, options: { copyRate: 50 } })).toBe(false);
    const { name: _name, ...unnamed } = row;
    expect(sameButLiveFigures(row, { ...unnamed, label: 'fcmap0' } as unknown as typeof row)).toBe(false);
  });

  it('lets the store hold a whole copy’s figures, so cells show them when the row does not render', () => {
    const store = new ProgressStore();
    store.apply([patch('c1', 12, 30)]);
    // A whole copy older than the pushed figures leaves them; a newer one replaces them.
    store.apply([liveFiguresOf({ ...copy, updatedAt: '2026-01-01T00:00:11.000Z' })]);
    expect(store.get('c1')?.progress.percent).toBe(30);
    store.apply([liveFiguresOf({ ...copy, progress: { ...copy.progress, percent: 40 }, updatedAt: '2026-01-01T00:00:13.000Z' })]);
    expect(store.get('c1')?.progress.percent).toBe(40);
    expect(withProgress(copy, store.get('c1')).progress.percent).toBe(40);
  });
});

describe('ProgressStore', () => {
  it('keeps the newest patch per copy and tells only that copy’s listeners', () => {
    const store = new ProgressStore();
    const c1 = vi.fn();
    const c2 = vi.fn();
    const any = vi.fn();
    store.subscribe('c1', c1);
    const stopC2 = store.subscribe('c2', c2);
    store.subscribeAll(any);
    store.apply([patch('c1', 11, 20)]);
    expect([c1.mock.calls.length, c2.mock.calls.length, any.mock.calls.length]).toEqual([1, 0, 1]);
    // An older patch (a push overtaken by a catch-up) changes nothing.
    store.apply([patch('c1', 10, 15)]);
    expect(store.get('c1')?.progress.percent).toBe(20);
    expect(c1).toHaveBeenCalledTimes(1);
    stopC2();
    store.apply([patch('c2', 11, 30)]);
    expect(c2).not.toHaveBeenCalled();
    expect(store.getVersion()).toBe(2);
  });

  it('hands the patches that arrived since last asked to the list fold, once', () => {
    const store = new ProgressStore();
    store.apply([patch('c1', 11, 20), patch('c2', 11, 20)]);
    store.apply([patch('c1', 12, 25)]);
    expect([...store.takeChanged().values()].map((p) => [p.id, p.progress.percent])).toEqual([
      ['c1', 25],
      ['c2', 20],
    ]);
    expect(store.takeChanged().size).toBe(0);
    store.forget(['c1']);
    expect(store.get('c1')).toBeUndefined();
  });
});

describe('WatchRegistry', () => {
  it('tells the union of what mounted components watch, everything when one wants all', () => {
    const registry = new WatchRegistry();
    const changed = vi.fn();
    registry.subscribe(changed);
    const table = registry.add(['a', 'b']);
    const detail = registry.add(['b', 'c']);
    expect(registry.spec()).toEqual({ all: false, copyIds: ['a', 'b', 'c'] });
    registry.update(table, ['d']);
    expect(registry.spec()).toEqual({ all: false, copyIds: ['d', 'b', 'c'] });
    const dashboard = registry.add('all');
    expect(registry.spec()).toEqual({ all: true, copyIds: [] });
    registry.remove(dashboard);
    registry.remove(detail);
    registry.remove(table);
    expect(registry.spec()).toEqual({ all: false, copyIds: [] });
    expect(changed).toHaveBeenCalledTimes(7);
  });

  it('caps the ids at what the server accepts', () => {
    const registry = new WatchRegistry();
    registry.add(Array.from({ length: 600 }, (_, i) => `c${i}`));
    expect(registry.spec().copyIds).toHaveLength(500);
  });
});
