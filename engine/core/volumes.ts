// Volumes as the engine holds them: their stores, growth, names and removal, in step with the
// inventory the server keeps.
import { EngineError } from '../errors';
import { refreshStatus } from '../faults/controllers';
import { forgetFault } from '../faults/fault-record';
import type { VolumeState } from '../model';
import type { EngineState } from './state';

export function addVolume(s: EngineState, volume: VolumeState): void {
  s.fleet.addVolume(volume);
  // Its store is made now, so a volume the data directory cannot hold is refused at creation
  // instead of failing on every read and write afterwards.
  try {
    s.store(volume.id);
  } catch (error) {
    s.stores.delete(volume.id);
    s.fleet.removeVolume(volume.id);
    const cause =
      (error as NodeJS.ErrnoException).code === 'EFBIG' ? "the data directory's file system cannot hold a file that large" : String((error as Error).message);
    const reason = `volume ${volume.name} (${volume.capacityBytes} bytes) cannot be stored: ${cause}`;
    throw new EngineError('rule', reason, [reason]);
  }
  s.emit({ kind: 'volume.added', volumeId: volume.id, arrayId: volume.arrayId });
  // A volume created while no controller of its array is online is offline like the others.
  refreshStatus(s, s.requireVolume(volume.id));
}

/** Why the volume cannot grow to `capacityBytes` now, or null (the service asks before the inventory changes). */
export function growBlock(s: EngineState, volumeId: string, capacityBytes: bigint): string | null {
  const volume = s.requireVolume(volumeId);
  if (capacityBytes <= volume.capacityBytes) return `volume ${volume.name} is ${volume.capacityBytes} bytes: it can only grow`;
  // Grain counts and bitmaps of a relationship are sized to its volumes when it is created.
  const held = s.copiesOf(volumeId)[0];
  if (held !== undefined) return `volume ${volume.name} is in ${held.type} relationship ${held.name}: remove it first`;
  return null;
}

/** The inventory grew the volume; its contents keep their place and the new space reads as zeros. */
export function growVolume(s: EngineState, volumeId: string, capacityBytes: bigint): void {
  const blocked = growBlock(s, volumeId, capacityBytes);
  if (blocked !== null) throw new EngineError('conflict', blocked);
  const volume = s.requireVolume(volumeId);
  s.stores.set(volumeId, s.store(volumeId).grow(Number(capacityBytes)));
  volume.capacityBytes = capacityBytes;
  s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
}

/** The inventory renamed the volume; the engine's messages and views follow. */
export function renameVolume(s: EngineState, volumeId: string, name: string): void {
  const volume = s.requireVolume(volumeId);
  volume.name = name;
  s.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
}

export function removeVolume(s: EngineState, volumeId: string): void {
  if ((s.byVolume.get(volumeId)?.size ?? 0) > 0) {
    throw new EngineError('conflict', `volume ${s.requireVolume(volumeId).name} is in a copy relationship`);
  }
  const { arrayId, name } = s.requireVolume(volumeId);
  s.writeQueue.refuseVolume(volumeId, new EngineError('not-found', `volume ${name} was deleted before the write was applied`));
  // A deleted volume takes its I/O error with it.
  const ioError = s.faultBook.ioErrorOn(volumeId);
  if (ioError !== undefined) forgetFault(s, ioError, 'volume deleted');
  const hadWorkload = s.workloads.delete(volumeId);
  s.stores.get(volumeId)?.close();
  s.stores.delete(volumeId);
  s.options.removeStore?.(volumeId);
  s.fleet.removeVolume(volumeId);
  if (hadWorkload) s.emit({ kind: 'workload.changed', volumeId, arrayId });
  s.emit({ kind: 'volume.removed', volumeId, arrayId });
}
