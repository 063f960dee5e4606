// ShadowImage pairs that share a P-VOL (up to three S-VOLs each). A reverse resync rewrites the
// P-VOL from one S-VOL behind the other pairs' backs, so while it runs no other pair of that P-VOL
// may copy or mirror, it may start only when every other pair is split, and the grains it will
// rewrite count as P-VOL changes for the others (their next resync copies them).
import type { Relationship } from './relationship';
import type { StateSpec } from './types';

export const REVERSE_RESYNC_STATE = 'COPY(RS-R)';
const SPLIT_STATES: readonly string[] = ['PSUS', 'PSUE'];

/** The other pairs of the same P-VOL. */
export function siblingsOf(relationship: Relationship, onSource: readonly Relationship[]): Relationship[] {
  return onSource.filter((other) => other.id !== relationship.id && other.type === 'shadowimage' && other.sourceVolumeId === relationship.sourceVolumeId);
}

/** Why `relationship` may not go to `to` (whose spec is `toSpec`) with these siblings, or null. */
export function siblingBlock(to: string, toSpec: StateSpec, siblings: readonly Relationship[]): string | null {
  if (to === REVERSE_RESYNC_STATE) {
    const unsplit = siblings.find((other) => !SPLIT_STATES.includes(other.state));
    return unsplit === undefined ? null : `a reverse resync needs every other pair of the P-VOL split, and pair ${unsplit.name} is ${unsplit.state}`;
  }
  const reversing = siblings.find((other) => other.state === REVERSE_RESYNC_STATE);
  if (reversing === undefined || (toSpec.copier === 'none' && toSpec.data !== 'mirror')) return null;
  return `pair ${reversing.name} is restoring the P-VOL (${REVERSE_RESYNC_STATE}); wait until it ends`;
}

/** On entering a reverse resync: the grains it will rewrite on the P-VOL are changes for the siblings. */
export function markSiblingsForReverse(relationship: Relationship, siblings: readonly Relationship[]): void {
  for (const other of siblings) other.sourceDiff.union(relationship.toCopy);
}
