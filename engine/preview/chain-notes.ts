// What a new Storwize mapping means for the mappings it shares volumes with
// (docs/domain.md#storwize-chains): a cascade, a restore, another target of a busy source, and
// mappings copying from its target that get the rest of that image first.
import type { Relationship } from '../copy/relationship';
import type { EngineState } from '../core/state';
import { isMember, isReverseOf } from '../io/chain';
import type { VolumeState } from '../model';
import type { Consequence } from './types';

const copyRef = (relationship: Relationship) => ({ copyId: relationship.id, copyName: relationship.name });

export function chainNotes(s: EngineState, source: VolumeState, target: VolumeState, newRef: { copyId: string | null; copyName: string }): Consequence[] {
  const active = (volumeId: string) => s.copiesOf(volumeId).filter((r) => s.tableOf(r).chained === true && isMember(r, s.specOf(r)));
  const notes: Consequence[] = [];
  const parent = active(source.id).find((r) => r.targetVolumeId === source.id);
  if (parent !== undefined) {
    notes.push({
      kind: 'state',
      ...newRef,
      from: null,
      to: null,
      text: `A cascade: it copies ${source.name} as mapping ${parent.name} presents it, through that mapping's point in time.`,
    });
  }
  const siblings = active(source.id).filter((r) => r.sourceVolumeId === source.id);
  if (siblings.length > 0) {
    notes.push({
      kind: 'state',
      ...newRef,
      from: null,
      to: null,
      text: `${source.name} already has ${siblings.length} started mapping${siblings.length === 1 ? '' : 's'}: this one becomes the newest target, where a write to ${source.name} is saved first.`,
    });
  }
  const probe = { sourceVolumeId: source.id, targetVolumeId: target.id };
  for (const reader of active(target.id).filter((r) => r.sourceVolumeId === target.id)) {
    if (isReverseOf(reader, probe)) {
      notes.push({
        kind: 'state',
        ...copyRef(reader),
        from: reader.state,
        to: reader.state,
        text: `A restore: ${target.name} takes ${source.name}'s image when it starts, and mapping ${reader.name} shows it is being restored.`,
      });
    } else if (reader.toCopy.count() > 0) {
      notes.push({
        kind: 'state',
        ...copyRef(reader),
        from: reader.state,
        to: reader.state,
        text: `Mapping ${reader.name} copies from ${target.name}: it receives the rest of ${target.name}'s current image at once when this one starts.`,
      });
    }
  }
  return notes;
}
