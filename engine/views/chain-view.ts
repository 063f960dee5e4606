// Where a Storwize mapping stands among mappings sharing its volumes: what it must clean before it
// may stop or complete, who depends on it, and restores (SVC lsfcmap's clean_progress,
// dependent_mappings, restoring, restore_progress).
import { progressOf } from '../copy/progress';
import type { Relationship } from '../copy/relationship';
import { rateBytesPerSec } from '../copy/options';
import type { EngineState } from '../core/state';
import { isMember, isReverseOf } from '../io/chain';
import { cleaningCounts } from '../io/cleaning';

export interface ChainView {
  /** Grains other mappings still need from this one before it may stop (or become copied). */
  cleanGrains: number;
  /** Share of the cleaning done since the stop began, 0–100 (100 when nothing is left). */
  cleanProgress: number;
  /** Mappings that read grains through this one now. */
  dependentMappingIds: string[];
  /** A mapping from this one's target back onto its source has taken its T0 and not ended: the source is being restored. */
  restoring: boolean;
  /** That restoring mapping, and how far it is. */
  restoredById: string | null;
  restoreProgress: number;
}

export function chainView(s: EngineState, relationship: Relationship): ChainView | undefined {
  if (s.tableOf(relationship).chained !== true) return undefined;
  const spec = s.specOf(relationship);
  const holding = { relationship, spec };
  const work = cleaningCounts(s.io, holding);
  const cleanGrains = work.reduce((sum, item) => sum + item.grains, 0);
  // The denominator is the engine's (set when cleaning begins, raised if dependents' needs grow).
  const cleanProgress =
    relationship.cleanGrains === 0 ? 100 : Math.max(0, Math.floor((1 - cleanGrains / Math.max(cleanGrains, relationship.cleanGrains)) * 100));
  // Stopping, the work already counts readers of its target; otherwise they are asked for too.
  const dependents = (spec.cleans === true ? work : cleaningCounts(s.io, holding, true)).map((item) => item.dependent.id);
  // Asked through the target, which few relationships hold: its source may be shared by hundreds.
  const restore = s
    .copiesOf(relationship.targetVolumeId)
    .find((other) => other !== relationship && isReverseOf(other, relationship) && isMember(other, s.specOf(other)));
  return {
    cleanGrains,
    cleanProgress,
    dependentMappingIds: [...new Set(dependents)],
    restoring: restore !== undefined,
    restoredById: restore?.id ?? null,
    restoreProgress: restore === undefined ? 0 : progressOf(restore, s.specOf(restore), rateBytesPerSec(restore.model, restore.options)).percent,
  };
}
