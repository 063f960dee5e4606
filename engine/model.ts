// The vocabulary shared by every part of the simulated storage.

export const ARRAY_MODELS = ['santricity', 'xp7', 'storwize', 'ds6000'] as const;
export type ArrayModel = (typeof ARRAY_MODELS)[number];

export const CONTROLLER_SLOTS = ['A', 'B'] as const;
export type ControllerSlot = (typeof CONTROLLER_SLOTS)[number];

export const CONTROLLER_STATUSES = ['online', 'offline'] as const;
export type ControllerStatus = (typeof CONTROLLER_STATUSES)[number];

export const VOLUME_STATUSES = ['online', 'offline', 'failed'] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];

/** The copy service each model offers (docs/domain.md#arrays-and-models). */
export const COPY_TYPE_BY_MODEL: Record<ArrayModel, 'volume-copy' | 'shadowimage' | 'flashcopy'> = {
  santricity: 'volume-copy',
  xp7: 'shadowimage',
  storwize: 'flashcopy',
  ds6000: 'flashcopy',
};

export interface ArrayState {
  id: string;
  name: string;
  model: ArrayModel;
  serial: string;
  controllers: Record<ControllerSlot, ControllerStatus>;
}

export interface PoolState {
  id: string;
  arrayId: string;
  name: string;
  /** Logical subsystem (ds6000), or null. */
  lss: number | null;
}

export interface VolumeState {
  id: string;
  arrayId: string;
  poolId: string;
  name: string;
  capacityBytes: bigint;
  preferredOwner: ControllerSlot;
  currentOwner: ControllerSlot;
  status: VolumeStatus;
  /** Why the volume is not online (which fault, or which relationship in which state); null when online. */
  statusReason?: string | null;
  readOnly: boolean;
  roles: string[];
  /**
   * Why the volume's data is not a consistent image (a DS6000 relationship withdrawn before its
   * copy completed, a fast reverse restore); null or absent when it is. A new T0 onto it clears it.
   */
  imageNote?: string | null;
  /** A SANtricity snapshot volume: its base and its repository's size; absent or null for a standard volume. */
  snapshot?: SnapshotVolume | null;
}

export interface SnapshotVolume {
  baseVolumeId: string;
  repositoryCapacityBytes: bigint;
}

export function otherSlot(slot: ControllerSlot): ControllerSlot {
  return slot === 'A' ? 'B' : 'A';
}
