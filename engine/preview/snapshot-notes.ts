// What a new SANtricity volume copy means for snapshots (docs/domain.md#santricity-snapshots): a
// snapshot as the source copies its point-in-time image, onto its own base only the grains that
// differ (a restore); a base as the target makes its snapshots save each grain the copy overwrites.
import { repositoryUsedBytes, snapshotOf, snapshotsOfBase } from '../commands/snapshots';
import type { EngineState } from '../core/state';
import type { VolumeState } from '../model';
import { formatBytes } from '../units';
import type { Consequence } from './types';

/** Bytes a restore from `source` onto `target` copies, when `source` is a snapshot of `target`; else null. */
export function snapshotRestoreBytes(s: EngineState, source: VolumeState, target: VolumeState): number | null {
  const snapshot = snapshotOf(s, source.id);
  if (snapshot === undefined || snapshot.sourceVolumeId !== target.id || snapshot.state !== 'optimal') return null;
  return Math.min(repositoryUsedBytes(snapshot), Number(source.capacityBytes));
}

export function snapshotNotes(s: EngineState, source: VolumeState, target: VolumeState, newRef: { copyId: string | null; copyName: string }): Consequence[] {
  const notes: Consequence[] = [];
  const snapshot = snapshotOf(s, source.id);
  if (snapshot !== undefined) {
    const base = s.requireVolume(snapshot.sourceVolumeId);
    const restore = snapshotRestoreBytes(s, source, target);
    notes.push({
      kind: 'state',
      ...newRef,
      from: null,
      to: null,
      text:
        restore !== null
          ? `A restore: ${base.name} goes back to snapshot ${source.name}'s point-in-time image. Only the ${formatBytes(BigInt(restore))} that differ are copied; the snapshot stays as it is.`
          : `It copies snapshot ${source.name}: ${base.name} as it was at the snapshot's point in time. If the snapshot fails meanwhile (its repository fills up), the copy fails too.`,
    });
  }
  const ofTarget = snapshotsOfBase(s, target.id).filter((r) => r.targetVolumeId !== source.id && r.state === 'optimal');
  if (ofTarget.length > 0) {
    notes.push({
      kind: 'state',
      ...newRef,
      from: null,
      to: null,
      text: `${target.name} has ${ofTarget.length === 1 ? 'snapshot' : 'snapshots'} ${ofTarget.map((r) => r.name).join(', ')}: each grain the copy overwrites is first saved in ${ofTarget.length === 1 ? 'its repository' : 'their repositories'}, and a snapshot whose repository fills up fails.`,
    });
  }
  return notes;
}
