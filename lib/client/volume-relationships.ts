// The copy relationships a volume is part of, read from the fleet's live list of copies, with the
// volume's role in each in the service's own words (P-VOL/S-VOL, source/target).
import { roleWordFor } from '@/engine/client';
import { byCreation } from './live-cache';
import type { Copy } from './types';

export interface VolumeRelationship {
  copy: Copy;
  role: 'source' | 'target';
  /** P-VOL, S-VOL, source or target. */
  roleName: string;
  /** The volume at the other end. */
  partnerId: string;
}

export function relationshipsOf(copies: readonly Copy[], volumeId: string): VolumeRelationship[] {
  return copies
    .filter((copy) => copy.sourceVolumeId === volumeId || copy.targetVolumeId === volumeId)
    .sort(byCreation)
    .map((copy) => {
      const role = copy.sourceVolumeId === volumeId ? 'source' : 'target';
      return { copy, role, roleName: roleWordFor(copy.type, role), partnerId: role === 'source' ? copy.targetVolumeId : copy.sourceVolumeId };
    });
}
