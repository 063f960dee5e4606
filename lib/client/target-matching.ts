// Choosing targets for the wizard: the eligibility API's answer ordered for people (eligible
// first), the problems of the source itself (the engine's sourceReasons), the name of a matching new volume, and, in bulk
// mode, a target for every source: a free eligible volume of the right size, else a new one.
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
}

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
): TargetMatch[] {
  const byId = new Map(volumes.map((volume) => [volume.id, volume]));
  const sourceIds = new Set(sources.map((source) => source.id));
  const used = new Set<string>();
  const names = new Set(volumes.map((volume) => volume.name));
  return sources.map((source) => {
    const entries = eligibility.get(source.id) ?? [];
    const candidates = entries
      .filter((entry) => entry.eligible && !sourceIds.has(entry.volumeId) && !used.has(entry.volumeId))
      .map((entry) => byId.get(entry.volumeId))
      .filter((volume): volume is MatchVolume => volume !== undefined && volume.roles.length === 0);
    const chosen = bestCandidate(source, candidates);
    if (chosen !== undefined) {
      used.add(chosen.id);
      return { sourceId: source.id, target: { kind: 'existing', volumeId: chosen.id, name: chosen.name } };
    }
    const name = matchingName(source.name, names);
    names.add(name);
    return { sourceId: source.id, target: { kind: 'new', name } };
  });
}
