// The Storwize FlashCopy mappings that share volumes with one mapping, arranged as the array
// arranges them (docs/domain.md#storwize-chains): a root source volume, its targets, and under each
// target the mappings that copy from it (cascades). A restore — a mapping copying a target back
// onto its own source — is no branch of its own: it hangs on the mapping it reverses, because
// drawing it as an edge would make the tree a cycle.
import { byCreation } from './live-cache';
import type { Copy } from './types';

export interface ChainBranch {
  mapping: Copy;
  /** Mappings copying from this mapping's target, oldest first. */
  children: ChainBranch[];
  /** Mappings copying this mapping's target back onto its source, oldest first. */
  restores: Copy[];
}

export interface ChainTree {
  rootVolumeId: string;
  /** Mappings copying from the root volume, oldest first. */
  branches: ChainBranch[];
}

export function isReverseOf(a: Copy, b: Copy): boolean {
  return a.id !== b.id && a.sourceVolumeId === b.targetVolumeId && a.targetVolumeId === b.sourceVolumeId;
}

/**
 * Which of two mutually reverse mappings is the restore: the one the engine names as restoring the
 * other, else the younger (a restore is made from a backup that already exists).
 */
function restoreOfPair(a: Copy, b: Copy): Copy {
  const aRestoresB = b.chain?.restoredById === a.id;
  const bRestoresA = a.chain?.restoredById === b.id;
  if (aRestoresB !== bRestoresA) return aRestoresB ? a : b;
  return byCreation(a, b) <= 0 ? b : a;
}

function volumeIndex(copies: readonly Copy[]): Map<string, Copy[]> {
  const index = new Map<string, Copy[]>();
  for (const copy of copies) {
    for (const volumeId of [copy.sourceVolumeId, copy.targetVolumeId]) {
      const list = index.get(volumeId);
      if (list === undefined) index.set(volumeId, [copy]);
      else list.push(copy);
    }
  }
  return index;
}

/**
 * `current` and every Storwize mapping reachable from it through shared volumes, oldest first.
 * `current` is the caller's own (possibly fresher) copy of that mapping, and stands in for the listed one.
 */
export function mappingsSharingVolumes(copies: readonly Copy[], current: Copy): Copy[] {
  const others = copies.filter((copy) => copy.model === 'storwize' && copy.arrayId === current.arrayId && copy.id !== current.id);
  const byVolume = volumeIndex(others);
  const members = new Map<string, Copy>([[current.id, current]]);
  const seenVolumes = new Set<string>();
  // Each volume enters the queue at most once, so the walk is bounded by the number of volumes.
  const queue = [current.sourceVolumeId, current.targetVolumeId];
  for (let head = 0; head < queue.length; head++) {
    const volumeId = queue[head] as string;
    if (seenVolumes.has(volumeId)) continue;
    seenVolumes.add(volumeId);
    for (const copy of byVolume.get(volumeId) ?? []) {
      if (members.has(copy.id)) continue;
      members.set(copy.id, copy);
      queue.push(copy.sourceVolumeId, copy.targetVolumeId);
    }
  }
  return [...members.values()].sort(byCreation);
}

/** The mappings as trees from their root source volumes; every mapping appears exactly once. */
export function chainTrees(mappings: readonly Copy[]): ChainTree[] {
  const ordered = [...mappings].sort(byCreation);
  const restores = ordered.filter((mapping) => ordered.some((other) => isReverseOf(mapping, other) && restoreOfPair(mapping, other) === mapping));
  const forward = ordered.filter((mapping) => !restores.includes(mapping));
  const placed = new Set<string>();
  const branchesFrom = (volumeId: string): ChainBranch[] => {
    const branches: ChainBranch[] = [];
    for (const mapping of forward) {
      // Checked one by one: a sibling's subtree may have placed it already (only in a cycle).
      if (mapping.sourceVolumeId !== volumeId || placed.has(mapping.id)) continue;
      placed.add(mapping.id);
      branches.push({
        mapping,
        restores: restores.filter((restore) => isReverseOf(restore, mapping)),
        children: branchesFrom(mapping.targetVolumeId),
      });
    }
    return branches;
  };
  const targetIds = new Set(forward.map((mapping) => mapping.targetVolumeId));
  const rootIds = [...new Set(forward.map((mapping) => mapping.sourceVolumeId).filter((volumeId) => !targetIds.has(volumeId)))];
  const trees = rootIds.map((rootVolumeId) => ({ rootVolumeId, branches: branchesFrom(rootVolumeId) }));
  // Mappings in a cycle (A→B, B→C, C→A) have no root: each such cycle starts at its oldest mapping's source.
  for (const mapping of forward) {
    if (!placed.has(mapping.id)) trees.push({ rootVolumeId: mapping.sourceVolumeId, branches: branchesFrom(mapping.sourceVolumeId) });
  }
  return trees;
}

/** The chain around `current`, or no trees when it shares no volume with another mapping. */
export function chainAround(copies: readonly Copy[], current: Copy): ChainTree[] {
  if (current.model !== 'storwize') return [];
  const mappings = mappingsSharingVolumes(copies, current);
  return mappings.length < 2 ? [] : chainTrees(mappings);
}
