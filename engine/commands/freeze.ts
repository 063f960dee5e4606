// DS6000 consistency-group freeze (DS CLI mkflash/resyncflash -freeze and unfreezeflash;
// docs/domain.md#ds6000-consistency-groups). A relationship established with `freeze` in a
// consistency group holds its source's host writes — the array answers them "extended long busy" —
// from its T0 until the group is thawed or the freeze times out; reads go on. Every source of the
// group is held from its own T0 until the thaw, so the targets form a consistent set although the
// relationships are established one by one.
import { DS6000_FREEZE_TIMEOUT_MS } from '../copy/chosen-values';
import type { Relationship } from '../copy/relationship';
import type { Effect, ServiceTable } from '../copy/types';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import type { Holding } from '../io/access';
import type { VolumeState } from '../model';

/** The `freeze` option a creation or an action may carry. */
export interface FreezeOption {
  freeze?: boolean;
}

/** The cause a thaw by timeout is recorded with (the copy's timeline says "the freeze timed out"). */
export const FREEZE_TIMEOUT_CAUSE = 'automatic:freeze-timeout';

/** The action that creates a relationship, as freezeCheck names it. */
export const CREATE = 'create';

const NOT_A_GROUP_MEMBER =
  'freeze is a consistency-group option: it holds the sources of a consistency group until the group is thawed; create the relationship into a consistency group (consistencyGroupId), or move it into one first';

/**
 * Throws unless `action` ('create' or an action's name) may freeze the source of a relationship
 * of this table in group `groupId`: the service freezes (DS6000), the action takes a new T0 the
 * DS CLI lets freeze, and the relationship is in a consistency group.
 */
export function freezeCheck(table: ServiceTable, groupId: string | null, action: string): void {
  if (table.freezeWith === undefined) {
    const why = `a ${table.noun} has no freeze: freeze holds the sources of a DS6000 FlashCopy consistency group`;
    throw new EngineError('rule', `freeze is not available: ${why}`, [why]);
  }
  if (action !== CREATE && !table.freezeWith.includes(action)) {
    throw new EngineError('invalid', `${action} takes no freeze: a freeze goes with creating, ${table.freezeWith.join(' or ')}`);
  }
  if (groupId === null) throw new EngineError('rule', NOT_A_GROUP_MEMBER, [NOT_A_GROUP_MEMBER]);
}

/** The group's name for messages: what the inventory calls it, or its id when the engine was not told. */
export function groupNameOf(s: EngineState, groupId: string | null): string {
  if (groupId === null) return '(none)';
  return s.fleet.group(groupId)?.name ?? groupId;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Freezes the relationship's source from its T0 (just taken) for the freeze timeout. */
export function freezeSource(s: EngineState, relationship: Relationship, cause: string): void {
  const t0Ms = relationship.pointInTimeMs ?? s.clock.nowMs();
  cancelThawTimer(s, relationship);
  relationship.frozenUntilMs = t0Ms + DS6000_FREEZE_TIMEOUT_MS;
  scheduleThaw(s, relationship);
  announce(s, relationship, cause);
}

/** Releases the source (thaw, timeout, withdraw, deletion, the group let go); nothing when not frozen. */
export function releaseFreeze(s: EngineState, relationship: Relationship, cause: string): void {
  if (relationship.frozenUntilMs === null) return;
  cancelThawTimer(s, relationship);
  relationship.frozenUntilMs = null;
  announce(s, relationship, cause);
}

/** DS CLI unfreezeflash: every frozen source of the group is released at once; returns those released. */
export function thawGroup(s: EngineState, groupId: string): Relationship[] {
  const frozen = [...s.relationships.values()].filter((r) => r.consistencyGroupId === groupId && r.frozenUntilMs !== null);
  for (const relationship of frozen) releaseFreeze(s, relationship, `group:thaw ${groupId}`);
  return frozen;
}

/** After a restart: a saved freeze holds until its time, and thaws at once when that has passed. */
export function resumeFreeze(s: EngineState, relationship: Relationship): void {
  if (relationship.frozenUntilMs !== null) scheduleThaw(s, relationship);
}

/**
 * Throws EngineError('locked') when hosts may not write the volume because it is the source of a
 * frozen relationship. A refused write changes nothing: this runs before any write rule applies.
 */
export function checkNotFrozen(s: EngineState, volume: VolumeState, holdings: readonly Holding[]): void {
  for (const { relationship } of holdings) {
    if (relationship.frozenUntilMs === null || relationship.sourceVolumeId !== volume.id) continue;
    throw new EngineError(
      'locked',
      `volume ${volume.name} is frozen by consistency group ${groupNameOf(s, relationship.consistencyGroupId)} (extended long busy) until ${iso(relationship.frozenUntilMs)}; thaw the group`,
    );
  }
}

/** Effects that rewrite the source volume, which a freeze holds still. */
const REWRITES_SOURCE: ReadonlySet<Effect> = new Set(['reverse-restore', 'fast-reverse-restore', 'resync-reverse', 'quick-restore']);

/** Why a row that rewrites a frozen source (a reverse restore) must wait for the thaw, or null. */
export function frozenSourceBlock(s: EngineState, relationship: Relationship, effect: Effect): string | null {
  if (relationship.frozenUntilMs === null || !REWRITES_SOURCE.has(effect)) return null;
  const group = groupNameOf(s, relationship.consistencyGroupId);
  return `the source is frozen by consistency group ${group} until ${iso(relationship.frozenUntilMs)}: thaw the group first`;
}

/** Why the relationship may not leave (or change) its group now, or null: a frozen source stays with the group that froze it. */
export function frozenGroupChangeBlock(s: EngineState, relationship: Relationship): string | null {
  if (relationship.frozenUntilMs === null) return null;
  const group = groupNameOf(s, relationship.consistencyGroupId);
  return `relationship ${relationship.name} holds its source frozen for consistency group ${group} until ${iso(relationship.frozenUntilMs)}: thaw the group first`;
}

function scheduleThaw(s: EngineState, relationship: Relationship): void {
  const untilMs = relationship.frozenUntilMs;
  if (untilMs === null) return;
  relationship.freezeTimerId = s.clock.schedule(Math.max(untilMs, s.clock.nowMs()), () => {
    relationship.freezeTimerId = null;
    // Deleted, or frozen again (a later T0) since: this timer is for a freeze no longer in force.
    if (s.relationships.get(relationship.id) !== relationship || relationship.frozenUntilMs !== untilMs) return;
    releaseFreeze(s, relationship, FREEZE_TIMEOUT_CAUSE);
  });
}

function cancelThawTimer(s: EngineState, relationship: Relationship): void {
  if (relationship.freezeTimerId !== null) s.clock.cancel(relationship.freezeTimerId);
  relationship.freezeTimerId = null;
}

function announce(s: EngineState, relationship: Relationship, cause: string): void {
  relationship.updatedAtMs = s.clock.nowMs();
  s.emit({
    kind: 'copy.freeze-changed',
    copyId: relationship.id,
    arrayId: relationship.arrayId,
    groupId: relationship.consistencyGroupId,
    frozenUntilMs: relationship.frozenUntilMs,
    cause,
  });
}
