// What the wizard's choices amount to, from the URL state and the data loaded for it: the rows
// each step shows, the target of every pair (chosen, new, or matched in bulk), the requests the
// Create button sends and the pairs the review describes. Pure, so the view stays about layout.
import { VolumeName } from '@/lib/api/fleet-schemas';
import type { PairRequest } from './create-pairs';
import { matchingName, matchTargets, orderForChoice, sourceProblems, type EligibilityEntry } from './target-matching';
import { toWireBytes, type StorageArray, type Volume } from './types';
import type { ReviewPair } from './wizard-review';
import { NEW_TARGET, type WizardState } from './wizard-state';

/** A volume as the source and target tables show it. */
export interface PickRow extends Volume {
  poolName: string;
  /** Why it cannot be the target (empty: it can); null where eligibility is not shown (sources). */
  reasons: string[] | null;
}

/** A bulk source that cannot be copied at all, with the engine's reasons. */
export interface BulkProblem {
  sourceId: string;
  sourceName: string;
  problems: string[];
}

export interface WizardPlanInput {
  state: WizardState;
  array: StorageArray | undefined;
  /** The array's volumes, or undefined while loading. */
  volumes: Volume[] | undefined;
  /** One pair: the eligibility of every volume for the source. */
  eligibility: EligibilityEntry[] | undefined;
  /** Bulk: the same per source, once all arrived. */
  eligibilities: ReadonlyMap<string, readonly EligibilityEntry[]> | null;
}

/** A target the URL names that cannot be one (a hand-made link, a volume paired meanwhile), with the engine's reasons. */
export interface RejectedTarget {
  volumeId: string;
  /** The volume's name, or its id when the array has no such volume. */
  name: string;
  reasons: string[];
}

export interface WizardPlan {
  loading: boolean;
  sourceRows: PickRow[];
  sources: Volume[];
  targetRows: PickRow[];
  problems: string[];
  blocked: BulkProblem[];
  suggestedName: string;
  nameError: string | null;
  targetValid: boolean;
  rejectedTarget: RejectedTarget | null;
  requests: PairRequest[];
  reviewPairs: ReviewPair[];
  /** Bulk: sources whose target the administrator picked by hand. */
  picked: string[];
  /** Bulk: picked targets that cannot take their source, with the reasons. */
  rejectedPicks: { sourceId: string; reasons: string[] }[];
  poolName: (poolId: string) => string;
}

function newVolumeRequest(source: Volume, name: string): PairRequest['target'] {
  // Same size and pool (so the same LSS on DS6000), and the controller that owns the source
  // now, so a volume copy has nothing to move.
  return {
    kind: 'new',
    name,
    volume: {
      arrayId: source.arrayId,
      poolId: source.poolId,
      name,
      capacityBytes: toWireBytes(BigInt(source.capacityBytes)),
      preferredOwner: source.currentOwner,
    },
  };
}

function nameProblem(name: string, volumes: readonly Volume[]): string | null {
  const parsed = VolumeName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'is not valid';
  return volumes.some((volume) => volume.name === name) ? `is taken: a volume named "${name}" already exists on this array` : null;
}

function reviewPair(source: Volume, target: PairRequest['target'], volumes: ReadonlyMap<string, Volume>, poolName: (id: string) => string): ReviewPair {
  if (target.kind === 'new')
    return {
      source,
      target: { name: target.name, capacityBytes: source.capacityBytes, currentOwner: source.currentOwner, created: true, poolName: poolName(source.poolId) },
    };
  const volume = volumes.get(target.volumeId);
  return {
    source,
    target: {
      name: target.name,
      capacityBytes: volume?.capacityBytes ?? source.capacityBytes,
      currentOwner: volume?.currentOwner ?? source.currentOwner,
      created: false,
    },
  };
}

function rejectedTargetOf(targetId: string, chosen: Volume | undefined, reasons: ReadonlyMap<string, string[]>): RejectedTarget | null {
  if (targetId === '' || targetId === NEW_TARGET) return null;
  if (chosen === undefined) return { volumeId: targetId, name: targetId, reasons: ['no volume of this array has this id; it may have been deleted'] };
  const why = reasons.get(chosen.id) ?? ['not in the eligibility answer'];
  return why.length === 0 ? null : { volumeId: chosen.id, name: chosen.name, reasons: why };
}

export function planWizard({ state, array, volumes, eligibility, eligibilities }: WizardPlanInput): WizardPlan {
  const pools = new Map((array?.pools ?? []).map((pool) => [pool.id, pool.name]));
  const poolName = (poolId: string) => pools.get(poolId) ?? poolId;
  const all = volumes ?? [];
  const byId = new Map(all.map((volume) => [volume.id, volume]));
  const sources = state.sourceIds.map((id) => byId.get(id)).filter((volume): volume is Volume => volume !== undefined);
  const sourceRows: PickRow[] = all.map((volume) => ({ ...volume, poolName: poolName(volume.poolId), reasons: null }));
  const first = sources[0];
  const base = {
    sourceRows,
    sources,
    poolName,
    problems: [],
    blocked: [],
    targetRows: [],
    suggestedName: '',
    nameError: null,
    rejectedTarget: null,
    requests: [],
    reviewPairs: [],
    picked: [],
    rejectedPicks: [],
  };

  if (state.bulk) {
    if (eligibilities === null || sources.length === 0)
      return { ...base, loading: volumes === undefined || (sources.length > 0 && eligibilities === null), targetValid: false };
    const blocked = sources
      .map((source) => ({ sourceId: source.id, sourceName: source.name, problems: sourceProblems(eligibilities.get(source.id) ?? []) }))
      .filter((entry) => entry.problems.length > 0);
    // A source that cannot be copied gets no target planned: it is listed apart, to be left out.
    const copyable = sources.filter((source) => !blocked.some((entry) => entry.sourceId === source.id));
    const matches = matchTargets(copyable, all, eligibilities, { targetFor: state.targetFor, alwaysNew: state.alwaysNew });
    const requests: PairRequest[] = matches.map((match) => {
      const source = byId.get(match.sourceId) as Volume;
      return { sourceId: source.id, sourceName: source.name, target: match.target.kind === 'new' ? newVolumeRequest(source, match.target.name) : match.target };
    });
    const picked = matches.filter((match) => match.chosen === true).map((match) => match.sourceId);
    // A target picked by hand that cannot take its source is said on its row and holds the plan back.
    const rejectedPicks = matches.flatMap((match) => (match.reasons === undefined ? [] : [{ sourceId: match.sourceId, reasons: match.reasons }]));
    const reviewPairs = requests.map((request) => reviewPair(byId.get(request.sourceId) as Volume, request.target, byId, poolName));
    return { ...base, loading: false, blocked, requests, reviewPairs, picked, rejectedPicks, targetValid: blocked.length === 0 && rejectedPicks.length === 0 };
  }

  if (first === undefined || eligibility === undefined)
    return { ...base, loading: volumes === undefined || (first !== undefined && eligibility === undefined), targetValid: false };
  const reasons = new Map(eligibility.map((entry) => [entry.volumeId, entry.reasons]));
  const targetRows = orderForChoice(
    all.map((volume) => ({
      ...volume,
      poolName: poolName(volume.poolId),
      reasons: reasons.get(volume.id) ?? ['not in the eligibility answer'],
      eligible: reasons.get(volume.id)?.length === 0,
    })),
  );
  const problems = sourceProblems(eligibility);
  const suggestedName = matchingName(first.name, new Set(all.map((volume) => volume.name)));
  const newName = state.newName === '' ? suggestedName : state.newName.trim();
  const nameError = state.targetId === NEW_TARGET ? nameProblem(newName, all) : null;
  let target: PairRequest['target'] | null = null;
  if (state.targetId === NEW_TARGET && nameError === null) target = newVolumeRequest(first, newName);
  const chosen = byId.get(state.targetId);
  if (chosen !== undefined && reasons.get(chosen.id)?.length === 0) target = { kind: 'existing', volumeId: chosen.id, name: chosen.name };
  const rejectedTarget = rejectedTargetOf(state.targetId, chosen, reasons);
  if (target === null || problems.length > 0)
    return { ...base, loading: false, targetRows, problems, suggestedName, nameError, rejectedTarget, targetValid: false };
  const request: PairRequest = { sourceId: first.id, sourceName: first.name, target };
  return {
    ...base,
    loading: false,
    targetRows,
    problems,
    suggestedName,
    nameError,
    targetValid: true,
    requests: [request],
    reviewPairs: [reviewPair(first, target, byId, poolName)],
  };
}
