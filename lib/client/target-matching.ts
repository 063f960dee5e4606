// Choosing targets for the wizard: the eligibility API's answer ordered for people (eligible
// first), the problems of the source itself (the engine's sourceReasons), the name of a matching new volume, and, in bulk
// mode, a target for every source: the one the administrator picked, else (unless "always new") a
// free eligible volume of the right size, else a new one.
import type { z } from 'zod';
import type { EligibilityDto } from '@/lib/api/copy-schemas';
import { MAX_VOLUME_NAME_LENGTH } from '@/lib/api/fleet-schemas';

export type EligibilityEntry = z.infer<typeof EligibilityDto>[number];

/** What matching needs of a volume. */
export interface MatchVolume {
  id: string;
  name: string;
  capacityBytes: number | string;
  roles: string[];
}

export type TargetPlan = { kind: 'existing'; volumeId: string; name: string } | { kind: 'new'; name: string };

export interface TargetMatch {
  sourceId: string;
  target: TargetPlan;
  /** The administrator picked this target (bulk override), rather than the matching. */
  chosen?: boolean;
  /** Why a picked target cannot be used (the engine's eligibility reasons, or a clash in the plan). */
  reasons?: string[];
}

/** In a bulk choice: "create a new volume for this source". */
export const NEW_TARGET_CHOICE = 'new';

/** What the administrator set in bulk mode: a target per source (a volume id or NEW_TARGET_CHOICE), and "always new". */
export interface TargetChoices {
  targetFor: Readonly<Record<string, string>>;
  alwaysNew: boolean;
}

const NO_CHOICES: TargetChoices = { targetFor: {}, alwaysNew: false };

const COPY_SUFFIX = '_copy';

/** `<source>_copy`, or `_copy2`, `_copy3`… when taken; shortened to fit the name limit. */
export function matchingName(sourceName: string, taken: ReadonlySet<string>): string {
  for (let attempt = 1; attempt <= 1000; attempt++) {
    const suffix = attempt === 1 ? COPY_SUFFIX : `${COPY_SUFFIX}${attempt}`;
    const name = `${sourceName.slice(0, MAX_VOLUME_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(name)) return name;
  }
  throw new Error(`no free name for a copy of ${sourceName}`);
}

/**
 * The engine's reasons about the source itself (offline, already a target…): no target can fix
 * them. Every entry but the source's own carries them.
 */
export function sourceProblems(entries: readonly EligibilityEntry[]): string[] {
  return entries.find((entry) => entry.sourceReasons.length > 0)?.sourceReasons ?? [];
}

/** Eligible first, then by name: the ones that can be chosen are at the top. */
export function orderForChoice<T extends { eligible: boolean; name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

function bytes(volume: MatchVolume): bigint {
  return BigInt(volume.capacityBytes);
}

/** Same size first, then the smallest larger one (where the service allows larger), then by name. */
function bestCandidate(source: MatchVolume, candidates: MatchVolume[]): MatchVolume | undefined {
  const size = bytes(source);
  return [...candidates].sort((a, b) => {
    const exact = Number(bytes(b) === size) - Number(bytes(a) === size);
    if (exact !== 0) return exact;
    const bySize = bytes(a) < bytes(b) ? -1 : bytes(a) > bytes(b) ? 1 : 0;
    return bySize !== 0 ? bySize : a.name.localeCompare(b.name, 'en', { numeric: true });
  })[0];
}

/**
 * A target for each source, in the sources' order. A candidate is eligible for that source (the
 * engine's rule, through the API), free (no role in any relationship), not one of the sources
 * (pairing a source with another source would chain copies) and not matched already. Without
 * one, a new volume `<source>_copy` is planned, with a name no volume or other plan has.
 */
export function matchTargets(
  sources: readonly MatchVolume[],
  volumes: readonly MatchVolume[],
  eligibility: ReadonlyMap<string, readonly EligibilityEntry[]>,
  choices: TargetChoices = NO_CHOICES,
): TargetMatch[] {
  const byId = new Map(volumes.map((volume) => [volume.id, volume]));
  const sourceIds = new Set(sources.map((source) => source.id));
  // Volumes the administrator picked are kept for their sources before anything is matched.
  const picked = new Set(sources.map((source) => choices.targetFor[source.id]).filter((id): id is string => id !== undefined && id !== NEW_TARGET_CHOICE));
  const used = new Set<string>();
  const names = new Set(volumes.map((volume) => volume.name));
  const newVolume = (source: MatchVolume): TargetMatch => {
    const name = matchingName(source.name, names);
    names.add(name);
    return { sourceId: source.id, target: { kind: 'new', name } };
  };
  return sources.map((source) => {
    const entries = eligibility.get(source.id) ?? [];
    const choice = choices.targetFor[source.id];
    if (choice === NEW_TARGET_CHOICE) return newVolume(source);
    if (choice !== undefined) {
      const volume = byId.get(choice);
      const entry = entries.find((candidate) => candidate.volumeId === choice);
      const reasons =
        volume === undefined
          ? ['no volume of this array has this id; it may have been deleted']
          : used.has(choice)
            ? [`${volume.name} is already the target of another source in this plan`]
            : sourceIds.has(choice)
              ? [`${volume.name} is one of the sources being copied`]
              : (entry?.reasons ?? ['not in the eligibility answer']);
      used.add(choice);
      const target: TargetPlan = { kind: 'existing', volumeId: choice, name: volume?.name ?? choice };
      return reasons.length === 0 ? { sourceId: source.id, target, chosen: true } : { sourceId: source.id, target, chosen: true, reasons };
    }
    if (choices.alwaysNew) return newVolume(source);
    const candidates = entries
      .filter((entry) => entry.eligible && !sourceIds.has(entry.volumeId) && !used.has(entry.volumeId) && !picked.has(entry.volumeId))
      .map((entry) => byId.get(entry.volumeId))
      .filter((volume): volume is MatchVolume => volume !== undefined && volume.roles.length === 0);
    const chosen = bestCandidate(source, candidates);
    if (chosen !== undefined) {
      used.add(chosen.id);
      return { sourceId: source.id, target: { kind: 'existing', volumeId: chosen.id, name: chosen.name } };
    }
    return newVolume(source);
  });
}

/**
 * The volumes a source may be given by hand in bulk mode: eligible for it, not a source, free of
 * every relationship (an existing target would be taken from its copy), best match first.
 */
export function targetOptionsFor(
  source: MatchVolume,
  sources: readonly MatchVolume[],
  volumes: readonly MatchVolume[],
  eligibility: ReadonlyMap<string, readonly EligibilityEntry[]>,
): MatchVolume[] {
  const byId = new Map(volumes.map((volume) => [volume.id, volume]));
  const sourceIds = new Set(sources.map((candidate) => candidate.id));
  const candidates = (eligibility.get(source.id) ?? [])
    .filter((entry) => entry.eligible && !sourceIds.has(entry.volumeId))
    .map((entry) => byId.get(entry.volumeId))
    .filter((volume): volume is MatchVolume => volume !== undefined && volume.roles.length === 0);
  const best = bestCandidate(source, candidates);
  return [
    ...(best === undefined ? [] : [best]),
    ...candidates.filter((volume) => volume !== best).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
  ];
}
