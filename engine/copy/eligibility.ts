// The one answer to "may this volume be the target of that copy, and if not, why": the create
// command, the eligibility API and the wizard all call this.
import { REVERSE_RESYNC_STATE } from './shadowimage-siblings';
import type { ArrayModel, VolumeState } from '../model';
import { SHADOWIMAGE_L2_PAIRS_PER_SVOL_MAX, SHADOWIMAGE_SVOLS_PER_PVOL_MAX } from './shadowimage';
import { formatBytes } from '../units';
import { FLASHCOPY_TARGETS_PER_SOURCE_MAX } from './chosen-values';

/** A relationship that still holds its volumes (its state's holdsVolumes). */
export interface HeldPair {
  id: string;
  name: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  state: string;
}

export interface EligibilityContext {
  model: ArrayModel;
  source: VolumeState;
  /** The LSS of a pool (ds6000), or null. */
  lssOf: (poolId: string) => number | null;
  /**
   * The pairs holding this volume, as source or target (snapshots and relationships that hold no
   * volumes left out). By volume, not the array's whole list: a check asks about one or two
   * volumes, and scanning every relationship made each creation cost more as the fleet grew (#16).
   */
  heldOn: (volumeId: string) => readonly HeldPair[];
}

// Sizes in reasons are said as the console's tables say them ("1 TiB", not "1024 GiB").
const size = (bytes: bigint) => formatBytes(bytes);
const hex = (lss: number | null) => (lss === null ? 'no LSS' : `LSS ${lss.toString(16).toUpperCase().padStart(2, '0')}`);

const WORDS: Record<ArrayModel, { pair: string; source: string; target: string }> = {
  santricity: { pair: 'volume copy', source: 'source', target: 'target' },
  xp7: { pair: 'pair', source: 'P-VOL', target: 'S-VOL' },
  storwize: { pair: 'FlashCopy mapping', source: 'source', target: 'target' },
  ds6000: { pair: 'FlashCopy relationship', source: 'source', target: 'target' },
};

/** Problems with the source itself; when any exists, no volume can be its target. */
export function sourceProblems(ctx: EligibilityContext): string[] {
  const { model, source, heldOn } = ctx;
  const words = WORDS[model];
  const reasons: string[] = [];
  if (source.status !== 'online') reasons.push(`the ${words.source} ${source.name} is ${source.status}`);
  const asTarget = heldOn(source.id).find((pair) => pair.targetVolumeId === source.id);
  const asSource = heldOn(source.id).filter((pair) => pair.sourceVolumeId === source.id);
  // Storwize cascades: a mapping's target may be the source of others (io/chain.ts). XP7: the
  // S-VOL of a layer-1 pair may be the P-VOL of layer-2 pairs, no deeper.
  const layer2 = model === 'xp7' && asTarget !== undefined && heldOn(asTarget.sourceVolumeId).some((pair) => pair.targetVolumeId === asTarget.sourceVolumeId);
  if (asTarget !== undefined && model !== 'storwize' && (model !== 'xp7' || layer2)) {
    reasons.push(
      model === 'xp7'
        ? `${source.name} is the S-VOL of layer-2 pair ${asTarget.name}: cascades have two layers, so it cannot be a P-VOL`
        : `${source.name} is the ${words.target} of ${words.pair} ${asTarget.name} (${asTarget.state}); cascaded copies are not simulated`,
    );
  }
  if (model === 'xp7' && asTarget !== undefined && !layer2 && asSource.length >= SHADOWIMAGE_L2_PAIRS_PER_SVOL_MAX) {
    reasons.push(`S-VOL ${source.name} already has ${asSource.length} layer-2 pairs, the maximum of ${SHADOWIMAGE_L2_PAIRS_PER_SVOL_MAX}`);
  }
  if (model === 'storwize' && asSource.length >= FLASHCOPY_TARGETS_PER_SOURCE_MAX) {
    reasons.push(`${source.name} is already the source of ${asSource.length} mappings, the maximum of ${FLASHCOPY_TARGETS_PER_SOURCE_MAX}`);
  }
  if (model === 'xp7' && asSource.length >= SHADOWIMAGE_SVOLS_PER_PVOL_MAX) {
    reasons.push(`P-VOL ${source.name} already has ${asSource.length} S-VOLs, the maximum of ${SHADOWIMAGE_SVOLS_PER_PVOL_MAX}`);
  }
  const reversing = model === 'xp7' ? asSource.find((pair) => pair.state === REVERSE_RESYNC_STATE) : undefined;
  if (reversing !== undefined) {
    reasons.push(`P-VOL ${source.name} is being restored from pair ${reversing.name} (${REVERSE_RESYNC_STATE}); wait until it ends`);
  }
  if (model === 'ds6000' && asSource.length > 0) {
    reasons.push(`${source.name} is already in FlashCopy relationship ${asSource[0]?.name}: a volume can be in only one at a time`);
  }
  return reasons;
}

function capacityReasons(model: ArrayModel, source: VolumeState, target: VolumeState): string[] {
  const words = WORDS[model];
  const equalNeeded = model === 'xp7' || model === 'storwize';
  if (equalNeeded && target.capacityBytes !== source.capacityBytes) {
    return [
      `the ${words.target} must be the same size as the ${words.source}: ${target.name} is ${size(target.capacityBytes)}, ${source.name} is ${size(source.capacityBytes)}`,
    ];
  }
  if (!equalNeeded && target.capacityBytes < source.capacityBytes) {
    return [
      `the ${words.target} must be at least as large as the ${words.source}: ${target.name} is ${size(target.capacityBytes)}, ${source.name} is ${size(source.capacityBytes)}`,
    ];
  }
  return [];
}

function relationshipReasons(ctx: EligibilityContext, target: VolumeState): string[] {
  const { model, source, heldOn } = ctx;
  const words = WORDS[model];
  const reasons: string[] = [];
  const asTarget = heldOn(target.id).find((pair) => pair.targetVolumeId === target.id);
  const asSource = heldOn(target.id).find((pair) => pair.sourceVolumeId === target.id);
  if (asTarget !== undefined) {
    const same = asTarget.sourceVolumeId === source.id ? ` with ${source.name} already` : '';
    reasons.push(`${target.name} is already the ${words.target} of ${words.pair} ${asTarget.name} (${asTarget.state})${same}`);
  }
  if (asSource !== undefined && model !== 'storwize') {
    reasons.push(
      model === 'ds6000'
        ? `${target.name} is already in FlashCopy relationship ${asSource.name}: a volume can be in only one at a time`
        : `${target.name} is the ${words.source} of ${words.pair} ${asSource.name}; cascaded copies are not simulated`,
    );
  }
  return reasons;
}

/** Every reason `target` cannot be the target of a copy from ctx.source; empty when it can. */
export function targetReasons(ctx: EligibilityContext, target: VolumeState): string[] {
  if (target.id === ctx.source.id) return [`a volume cannot be copied onto itself`];
  return [...sourceProblems(ctx), ...targetOnlyReasons(ctx, target)];
}

/** The reasons that are about `target` itself (another volume might do); not the source's problems. */
export function targetOnlyReasons(ctx: EligibilityContext, target: VolumeState): string[] {
  const { model, source } = ctx;
  if (target.id === source.id) return [`a volume cannot be copied onto itself`];
  const reasons: string[] = [];
  if (target.arrayId !== source.arrayId) reasons.push(`${target.name} is on another array: copies stay within one array`);
  if (target.status !== 'online') reasons.push(`${target.name} is ${target.status}`);
  if (target.snapshot != null) reasons.push(`${target.name} is a snapshot volume: it presents its base's image and cannot be a copy target`);
  reasons.push(...capacityReasons(model, source, target));
  if (model === 'ds6000') {
    const sourceLss = ctx.lssOf(source.poolId);
    const targetLss = ctx.lssOf(target.poolId);
    if (sourceLss !== targetLss) {
      reasons.push(`${target.name} is in ${hex(targetLss)} and ${source.name} in ${hex(sourceLss)}: FlashCopy needs source and target in the same LSS`);
    }
  }
  reasons.push(...relationshipReasons(ctx, target));
  return reasons;
}
