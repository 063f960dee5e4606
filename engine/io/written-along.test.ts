// The copier asks only the stores of a chain that hold data (writtenAlong), kept with the chains:
// a volume first written after the answer was kept must be asked from then on.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../data/memory-store';
import { newChainMemo, volumesBehind, writtenAlong, type ChainWorld } from './chain';

describe('writtenAlong', () => {
  it('keeps the stores holding data, and sees a store written since, with or without kept chains', () => {
    const stores = new Map(['a', 'b', 'c'].map((id) => [id, new MemoryStore(1024 * 1024)]));
    const store = (id: string) => stores.get(id)!;
    for (const memo of [newChainMemo(), null]) {
      for (const s of stores.values()) expect(s.allocatedBytes()).toBe(0);
      const world: ChainWorld = { store, holdings: () => [], chainMemo: memo };
      const path = volumesBehind(world, 'a');
      expect(path).toEqual(['a']);
      expect(writtenAlong(world, path)).toEqual([]);
      expect(writtenAlong(world, path)).toEqual([]);
      store('a').write(4096, new Uint8Array(10).fill(1));
      expect(writtenAlong(world, path)).toEqual([store('a')]);
      stores.set('a', new MemoryStore(1024 * 1024));
    }
  });
});
