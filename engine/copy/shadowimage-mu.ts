// XP7 ShadowImage mirror unit (MU) numbers: each pair of a P-VOL takes one of the P-VOL's MU
// numbers — 0, 1 or 2 for layer-1 pairs, 1 or 2 for layer-2 pairs (whose P-VOL is a layer-1
// S-VOL, where MU 0 stands for the layer-1 pair itself). Scripts name a pair by its P-VOL and MU
// number, so the number is fixed at creation: the one asked for, or the smallest free.
import { EngineError } from '../errors';
import type { Relationship } from './relationship';
import { SHADOWIMAGE_MU_MAX } from './shadowimage';

/** The MU numbers a pair from `pvolId` may take: layer 2 when the P-VOL is itself an S-VOL. */
export function muNumbersFor(pairsOfVolume: readonly Relationship[], pvolId: string): number[] {
  const layer2 = pairsOfVolume.some((pair) => pair.targetVolumeId === pvolId);
  const first = layer2 ? 1 : 0;
  return Array.from({ length: SHADOWIMAGE_MU_MAX - first + 1 }, (_, i) => first + i);
}

/** The MU number of `pair` (older pairs made before MU numbers were kept have none). */
export function muOf(pair: Relationship): number | undefined {
  return 'pace' in pair.options ? pair.options.mu : undefined;
}

/**
 * The MU number a new pair from `pvolId` takes: `asked` if it is allowed and free, else the
 * smallest free; refused with a reason when `asked` is taken or out of the layer's range.
 */
export function chooseMu(pairsOfVolume: readonly Relationship[], pvolId: string, pvolName: string, asked: number | undefined): number {
  const allowed = muNumbersFor(pairsOfVolume, pvolId);
  const taken = new Map<number, Relationship>();
  for (const pair of pairsOfVolume) {
    const mu = muOf(pair);
    if (pair.type === 'shadowimage' && pair.sourceVolumeId === pvolId && mu !== undefined) taken.set(mu, pair);
  }
  if (asked !== undefined) {
    if (!allowed.includes(asked)) {
      const reason = `mu: ${pvolName} is the S-VOL of a layer-1 pair, so its layer-2 pairs take MU ${allowed.join(' or ')} (MU 0 is the layer-1 pair's)`;
      throw new EngineError('rule', reason, [reason]);
    }
    const holder = taken.get(asked);
    if (holder !== undefined) {
      const reason = `mu: MU ${asked} of P-VOL ${pvolName} is taken by pair ${holder.name}`;
      throw new EngineError('rule', reason, [reason]);
    }
    return asked;
  }
  const free = allowed.find((mu) => !taken.has(mu));
  // The pair limits (eligibility) refuse before every MU number is taken; pairs made before MU
  // numbers were kept hold none, so the smallest allowed number is the fallback.
  return free ?? allowed[0]!;
}
