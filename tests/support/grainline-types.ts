// Grainline's own API shapes as the integration tests read them (lib/api/*-schemas.ts are the
// source; only what tests look at, with each service's options optional).

export interface GrainlineArray {
  id: string;
  name: string;
  model: string;
  serial: string;
  controllers: { slot: string; status: string }[];
  pools: { id: string; name: string; capacityBytes: number; usedBytes: number }[];
}

export interface GrainlineVolume {
  id: string;
  arrayId: string;
  poolId: string;
  name: string;
  number: number;
  capacityBytes: number;
  currentOwner: 'A' | 'B';
  preferredOwner: 'A' | 'B';
  roles: string[];
  provisioning: string;
}

export interface GrainlineCopy {
  id: string;
  name: string;
  number: number;
  type: string;
  state: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  consistencyGroupId: string | null;
  lastStarted: string | null;
  options: { copyRate?: number; grainSize?: number; autoDelete?: boolean; cleanRate?: number; priority?: string; targetReadOnly?: boolean };
  progress: { percent: number };
}

export interface GrainlineGroup {
  id: string;
  arrayId: string;
  name: string;
  number: number;
  autoDelete: boolean;
  state: string;
  memberIds: string[];
  /** DS6000: some member holds its source frozen. */
  frozen: boolean;
  frozenUntil: string | null;
}

/** An event log entry; audit entries carry the request in `details`. */
export interface GrainlineEvent {
  kind: string;
  actor: string;
  subjectId: string;
  details: { method?: string; path?: string; status?: number; outcome?: string; message?: string; address?: string };
}
