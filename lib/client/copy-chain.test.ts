import { describe, expect, it } from 'vitest';
import { chainAround, chainTrees, mappingsSharingVolumes, type ChainBranch } from './copy-chain';
import type { Copy } from './types';

let minute = 0;
/** A Storwize mapping created one minute after the previous one. */
function mapping(id: string, sourceVolumeId: string, targetVolumeId: string, extra: Partial<Copy> = {}): Copy {
  minute += 1;
  const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  return { id, model: 'storwize', arrayId: 'array-1', sourceVolumeId, targetVolumeId, createdAt, ...extra } as Copy;
}

/** "id(restores)[children]" for a compact comparison. */
function shape(branch: ChainBranch): string {
  const restores = branch.restores.length === 0 ? '' : `(${branch.restores.map((restore) => restore.id).join(',')})`;
  const children = branch.children.length === 0 ? '' : `[${branch.children.map(shape).join(' ')}]`;
  return `${branch.mapping.id}${restores}${children}`;
}

describe('the chain around a mapping', () => {
  it('finds every mapping reachable through shared volumes, and nothing else', () => {
    const ab = mapping('ab', 'a', 'b');
    const bc = mapping('bc', 'b', 'c');
    const cd = mapping('cd', 'c', 'd');
    const xy = mapping('xy', 'x', 'y');
    const elsewhere = mapping('other-array', 'a', 'z', { arrayId: 'array-2' });
    const notStorwize = mapping('si', 'b', 'q', { model: 'xp7' });
    expect(mappingsSharingVolumes([ab, bc, cd, xy, elsewhere, notStorwize], cd).map((m) => m.id)).toEqual(['ab', 'bc', 'cd']);
  });

  it('uses the caller’s fresher copy of the current mapping', () => {
    const ab = mapping('ab', 'a', 'b');
    const ac = mapping('ac', 'a', 'c');
    const fresher = { ...ab, state: 'stopping' };
    expect(mappingsSharingVolumes([ab, ac], fresher).find((m) => m.id === 'ab')?.state).toBe('stopping');
  });

  it('is empty for a mapping alone, or for another service', () => {
    const ab = mapping('ab', 'a', 'b');
    expect(chainAround([ab, mapping('cd', 'c', 'd')], ab)).toEqual([]);
    const pair = mapping('si', 'a', 'b', { model: 'xp7' });
    expect(chainAround([pair, mapping('si2', 'a', 'c', { model: 'xp7' })], pair)).toEqual([]);
  });

  it('roots multi-target and cascaded mappings at the one source volume', () => {
    const ab = mapping('ab', 'a', 'b');
    const ac = mapping('ac', 'a', 'c');
    const bd = mapping('bd', 'b', 'd');
    const de = mapping('de', 'd', 'e');
    const trees = chainAround([de, bd, ac, ab], bd);
    expect(trees.map((tree) => tree.rootVolumeId)).toEqual(['a']);
    expect(trees[0]?.branches.map(shape)).toEqual(['ab[bd[de]]', 'ac']);
  });

  it('hangs a restore on the mapping it reverses: the engine’s restoredById, else the younger one', () => {
    const ab = mapping('ab', 'a', 'b');
    const ba = mapping('ba', 'b', 'a');
    expect(chainTrees([ab, ba]).map((tree) => [tree.rootVolumeId, tree.branches.map(shape)])).toEqual([['a', ['ab(ba)']]]);
    // Made in the other order, but the engine says which one restores.
    const older = mapping('yx', 'y', 'x', {
      chain: { restoring: true, restoredById: 'xy', cleanGrains: 0, cleanProgress: 100, dependentMappingIds: [], restoreProgress: 10 },
    });
    const restore = mapping('xy', 'x', 'y');
    expect(chainTrees([older, restore]).map((tree) => [tree.rootVolumeId, tree.branches.map(shape)])).toEqual([['y', ['yx(xy)']]]);
  });

  it('shows every mapping of a cycle once, from the oldest mapping’s source', () => {
    const ab = mapping('ab', 'a', 'b');
    const bc = mapping('bc', 'b', 'c');
    const ca = mapping('ca', 'c', 'a');
    const trees = chainTrees([bc, ca, ab]);
    expect(trees.map((tree) => [tree.rootVolumeId, tree.branches.map(shape)])).toEqual([['a', ['ab[bc[ca]]']]]);
  });
});
