// Which controller should own a volume (docs/domain.md#controllers-and-ownership): its preferred owner while that one is online,
// else the survivor; null when no controller of the array is online.
import { CONTROLLER_SLOTS, otherSlot, type ControllerSlot, type ControllerStatus, type VolumeState } from '../model';

export type Controllers = Record<ControllerSlot, ControllerStatus>;

export function hasOnlineController(controllers: Controllers): boolean {
  return CONTROLLER_SLOTS.some((slot) => controllers[slot] === 'online');
}

export function desiredOwner(volume: Pick<VolumeState, 'preferredOwner'>, controllers: Controllers): ControllerSlot | null {
  if (controllers[volume.preferredOwner] === 'online') return volume.preferredOwner;
  const survivor = otherSlot(volume.preferredOwner);
  return controllers[survivor] === 'online' ? survivor : null;
}
