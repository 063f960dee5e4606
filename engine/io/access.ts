// Who may read and write a volume now: the volume's status and every relationship holding it,
// by role and state (docs/domain.md#host-access). A refusal names the relationship, role and state.
import { EngineError } from '../errors';
import type { VolumeState } from '../model';
import type { Relationship } from '../copy/relationship';
import type { Access, StateSpec } from '../copy/types';

const ROLE_WORDS: Record<Relationship['type'], [string, string]> = {
  'volume-copy': ['source', 'target'],
  shadowimage: ['P-VOL', 'S-VOL'],
  flashcopy: ['source', 'target'],
  snapshot: ['base', 'snapshot'],
};
const PAIR_WORDS: Record<Relationship['type'], string> = {
  'volume-copy': 'volume copy',
  shadowimage: 'pair',
  flashcopy: 'FlashCopy',
  snapshot: 'snapshot',
};

export function roleOf(relationship: Relationship, volumeId: string): 'source' | 'target' {
  return relationship.sourceVolumeId === volumeId ? 'source' : 'target';
}

/** The service's own word for a role: P-VOL/S-VOL for ShadowImage, source/target elsewhere. */
export function roleWordFor(type: Relationship['type'], role: 'source' | 'target'): string {
  const [source, target] = ROLE_WORDS[type];
  return role === 'source' ? source : target;
}

export function roleWord(relationship: Relationship, volumeId: string): string {
  return roleWordFor(relationship.type, roleOf(relationship, volumeId));
}

/** The access a relationship in its state grants the volume. */
export function accessFor(relationship: Relationship, spec: StateSpec, volumeId: string): Access {
  if (roleOf(relationship, volumeId) === 'source') return spec.sourceAccess;
  // A Storwize target whose copy had completed stays usable while its mapping stops.
  if (spec.targetOnlineIfCopied === true && relationship.cycleGrains > 0 && relationship.toCopy.count() === 0) return 'read-write';
  const volumeCopyDone = relationship.state === 'completed' || relationship.state === 'stopped';
  if (volumeCopyDone && 'targetReadOnly' in relationship.options && !relationship.options.targetReadOnly) return 'read-write';
  return spec.targetAccess;
}

export interface Holding {
  relationship: Relationship;
  spec: StateSpec;
}

/** Throws EngineError('locked') unless the volume may be read (or written) now. */
export function checkAccess(volume: VolumeState, holdings: readonly Holding[], want: 'read' | 'write'): void {
  // The relationship that refuses says the most (its name and state); the status comes after.
  for (const { relationship, spec } of holdings) {
    const access = accessFor(relationship, spec, volume.id);
    if (access === 'read-write' || (access === 'read-only' && want === 'read')) continue;
    const what = access === 'none' ? 'not accessible' : 'read-only';
    throw new EngineError(
      'locked',
      `volume ${volume.name} is the ${roleWord(relationship, volume.id)} of ${PAIR_WORDS[relationship.type]} ${relationship.name} in state ${relationship.state}, where it is ${what}`,
    );
  }
  if (volume.status !== 'online') {
    throw new EngineError(
      'locked',
      `volume ${volume.name} is ${volume.status}${volume.statusReason ? ` (${volume.statusReason})` : ''}: hosts cannot ${want} it`,
    );
  }
}

/** The read-only flag the console shows: true when hosts may read but not write. */
export function isReadOnly(volume: VolumeState, holdings: readonly Holding[]): boolean {
  return holdings.some(({ relationship, spec }) => accessFor(relationship, spec, volume.id) === 'read-only');
}
