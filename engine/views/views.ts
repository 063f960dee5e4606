// What callers read: a relationship as the API shows it, the actions open to it now, and which
// volumes may be the target of a copy from a source.
import { sourceProblems, targetOnlyReasons } from '../copy/eligibility';
import { rateBytesPerSec, type CopyOptions } from '../copy/options';
import { differentialBytesOf, progressOf, type Progress } from '../copy/progress';
import type { Relationship } from '../copy/relationship';
import { actionsIn, type ActionAvailability } from '../copy/tables';
import type { CopyType, RelationshipType } from '../copy/types';
import { eligibilityContext, lookupAction } from '../commands/rules';
import type { EngineState } from '../core/state';
import type { ArrayModel } from '../model';
import { chainView, type ChainView } from './chain-view';

export interface CopyView {
  id: string;
  name: string;
  number: number;
  /** 'snapshot' only for the engine's own use (the persister); the copies API never lists snapshots. */
  type: RelationshipType;
  model: ArrayModel;
  arrayId: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  state: string;
  options: CopyOptions;
  progress: Progress;
  differentialBytes: number;
  grainBytes: number;
  consistencyGroupId: string | null;
  pointInTime: string | null;
  /** The last point in time taken, kept after a stop (null before the first start). */
  lastStarted: string | null;
  createdAt: string;
  updatedAt: string;
  /** Storwize: cleaning, dependents and restores (chain-view.ts); absent for other services. */
  chain?: ChainView;
}

export interface EligibilityEntry {
  volumeId: string;
  eligible: boolean;
  /** Every reason, the source's first: sourceReasons then targetReasons. */
  reasons: string[];
  /** Problems of the source itself: no target can fix them (the same on every entry). */
  sourceReasons: string[];
  /** Problems of this volume as the target. */
  targetReasons: string[];
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What a progress save needs of a relationship: its progress and differential, without the rest of its view (its chain above all). */
export function progressView(s: EngineState, relationship: Relationship): Pick<CopyView, 'progress' | 'differentialBytes'> {
  const spec = s.specOf(relationship);
  return {
    progress: progressOf(relationship, spec, rateBytesPerSec(relationship.model, relationship.options)),
    differentialBytes: differentialBytesOf(relationship, spec),
  };
}

/** What a progress-only push carries of a relationship (the figures that move, and its chain), without the rest of its view. */
export function progressFields(
  s: EngineState,
  relationship: Relationship,
): Pick<CopyView, 'id' | 'progress' | 'differentialBytes' | 'chain'> & { updatedAtMs: number } {
  // Whole milliseconds, as the view's updatedAt says them.
  const updatedAtMs = Math.trunc(relationship.updatedAtMs);
  return { id: relationship.id, ...progressView(s, relationship), updatedAtMs, ...withChain(chainView(s, relationship)) };
}

export function view(s: EngineState, relationship: Relationship): CopyView {
  const spec = s.specOf(relationship);
  return {
    id: relationship.id,
    name: relationship.name,
    number: relationship.number,
    type: relationship.type,
    model: relationship.model,
    arrayId: relationship.arrayId,
    sourceVolumeId: relationship.sourceVolumeId,
    targetVolumeId: relationship.targetVolumeId,
    state: relationship.state,
    options: { ...relationship.options },
    progress: progressOf(relationship, spec, rateBytesPerSec(relationship.model, relationship.options)),
    differentialBytes: differentialBytesOf(relationship, spec),
    grainBytes: relationship.grainBytes,
    consistencyGroupId: relationship.consistencyGroupId,
    pointInTime: isoOrNull(relationship.pointInTimeMs),
    lastStarted: isoOrNull(relationship.lastStartedMs),
    createdAt: new Date(relationship.createdAtMs).toISOString(),
    updatedAt: new Date(relationship.updatedAtMs).toISOString(),
    ...withChain(chainView(s, relationship)),
  };
}

const withChain = (chain: ChainView | undefined) => (chain === undefined ? {} : { chain });

/** Every action of the relationship's service: allowed now or not, and why. */
export function actions(s: EngineState, relationship: Relationship): ActionAvailability[] {
  const grouped = relationship.consistencyGroupId !== null && s.tableOf(relationship).groupActs !== 'alone';
  return actionsIn(s.tableOf(relationship), relationship.state).map((availability) => {
    if (!availability.allowed) return availability;
    if (grouped) return { ...availability, allowed: false, allowedModes: [], reason: 'the mapping is in a consistency group: act on the group' };
    // A fault in force may refuse what the table allows (an action that would move data).
    const modes: (string | undefined)[] = availability.modes.length > 0 ? [...availability.allowedModes] : [undefined];
    const open = modes.filter((mode) => lookupAction(s, relationship, availability.action, mode).ok);
    if (open.length > 0) return availability.modes.length > 0 ? { ...availability, allowedModes: open.filter((mode) => mode !== undefined) } : availability;
    const refusal = lookupAction(s, relationship, availability.action, modes[0]);
    return { ...availability, allowed: false, allowedModes: [], ...(refusal.ok ? {} : { reason: refusal.reason }) };
  });
}

/** For every volume of the source's array: may it be the target, and if not, why (the source's problems apart). */
export function eligibility(s: EngineState, type: CopyType, sourceVolumeId: string): EligibilityEntry[] {
  const context = eligibilityContext(s, type, sourceVolumeId);
  const ofSource = sourceProblems(context);
  return s.fleet.volumesOf(context.source.arrayId).map((volume) => {
    const ofTarget = targetOnlyReasons(context, volume);
    const sourceReasons = volume.id === context.source.id ? [] : ofSource;
    const reasons = [...sourceReasons, ...ofTarget];
    return { volumeId: volume.id, eligible: reasons.length === 0, reasons, sourceReasons, targetReasons: ofTarget };
  });
}
