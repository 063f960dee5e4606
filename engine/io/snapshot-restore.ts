// Restoring a SANtricity snapshot onto its base with a volume copy (seed 000: "restore snapshot
// data to the primary volume"). Where the snapshot has saved nothing, it presents the base's own
// bytes: copying them would change nothing on the base, yet each write would make the snapshot
// save the grain, filling its repository with the whole volume and failing it halfway. So the
// copy moves only the grains the snapshot holds (docs/domain.md#santricity-snapshots).
import type { Relationship } from '../copy/relationship';
import { isMember, type ChainWorld } from './chain';

/** A volume copy from a snapshot onto that snapshot's own base: it copies only the grains that differ. */
export function skipGrainsAlike(world: ChainWorld, copy: Relationship): void {
  if (copy.type !== 'volume-copy') return;
  const snapshot = world
    .holdings(copy.sourceVolumeId)
    .find(
      ({ relationship, spec }) =>
        relationship.type === 'snapshot' &&
        relationship.targetVolumeId === copy.sourceVolumeId &&
        relationship.sourceVolumeId === copy.targetVolumeId &&
        isMember(relationship, spec),
    )?.relationship;
  if (snapshot === undefined || snapshot.grainBytes !== copy.grainBytes || snapshot.grainCount !== copy.grainCount) return;
  copy.toCopy.difference(snapshot.toCopy);
  copy.cycleGrains = copy.toCopy.count();
}
