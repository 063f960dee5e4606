// The array-side identifiers SANtricity clients see that Grainline does not keep: controller
// references and world-wide names. Derived from Grainline's ids, so they are the same on every
// request and after a restart, and never stored.
import { createHash } from 'node:crypto';
import type { ControllerSlot } from '../../../engine/model';

/** E-Series controllers are referenced as 07000…0001 (slot A) and 07000…0002 (slot B). */
export function controllerRef(slot: ControllerSlot): string {
  return slot === 'A' ? '070000000000000000000001' : '070000000000000000000002';
}

/** A 32-hex-digit NAA-6 name under NetApp E-Series' vendor prefix (60080E5…), unique per object. */
export function worldWideName(kind: 'array' | 'volume' | 'copy' | 'pool', id: string): string {
  const digest = createHash('sha256').update(`${kind}:${id}`).digest('hex').toUpperCase();
  return `60080E5${digest.slice(0, 25)}`;
}

/** References the graph uses for objects Grainline does not have (no snapshot group behind a copy). */
export const NULL_REF = '0000000000000000000000000000000000000000';
