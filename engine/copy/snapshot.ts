// SANtricity snapshot volumes (seed 000 names them; docs/domain.md#santricity-snapshots): a
// point-in-time image of a base volume. Copy-on-write: before a base grain changes, its T0 data is
// saved in the snapshot's repository; the snapshot reads saved grains from the repository and the
// rest from the base. Writes to the snapshot land in the repository too. A full repository fails
// the snapshot (the base goes on). The engine holds a snapshot as a relationship base → snapshot
// volume whose state is one of these; the copies API never lists it (it is not a copy pair).
import type { ServiceTable } from './types';

export const SNAPSHOT_STATES = ['optimal', 'disabled', 'failed'] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

export const snapshotTable: ServiceTable<SnapshotState> = {
  type: 'snapshot',
  noun: 'snapshot',
  created: {
    started: [{ to: 'optimal', effect: 'point-in-time' }],
    unstarted: null,
    unstartedRefusal: 'a snapshot is taken when it is created',
  },
  removal: {
    allowedIn: ['optimal', 'disabled', 'failed'],
    refusal: (name, state) => `snapshot ${name} is ${state}`,
  },
  states: {
    optimal: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'point-in-time',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      // The base's controller owns its snapshots: they move with it.
      targetFollowsSource: true,
      targetStatus: 'online',
      meaning: 'The snapshot presents the base volume as it was when the snapshot was taken; base writes first save the old data in the repository.',
    },
    disabled: {
      sourceAccess: 'read-write',
      targetAccess: 'none',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      // The base's controller owns its snapshots: they move with it.
      targetFollowsSource: true,
      targetStatus: 'offline',
      meaning: 'Copy-on-write is stopped and the snapshot cannot be read until it is re-created.',
    },
    failed: {
      sourceAccess: 'read-write',
      targetAccess: 'none',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      // The base's controller owns its snapshots: they move with it.
      targetFollowsSource: true,
      targetStatus: 'offline',
      meaning: 'The repository filled up (or an I/O error struck): the snapshot no longer holds its image; the base goes on. Re-create it for a new image.',
    },
  },
  actions: {
    // SANtricity recreateSnapshot: a new point in time, the repository emptied.
    recreate: {
      label: 'Re-create',
      destructive: true,
      transitions: [{ from: ['optimal', 'disabled', 'failed'], to: 'optimal', effect: 'point-in-time' }],
    },
    // SANtricity disableSnapshot: stop copy-on-write (saves base write latency) until re-created.
    disable: {
      label: 'Disable',
      destructive: true,
      transitions: [{ from: ['optimal'], to: 'disabled', effect: 'none' }],
    },
  },
  automatic: {
    'repository-full': [{ from: ['optimal'], to: 'failed', effect: 'none' }],
    fault: [{ from: ['optimal'], to: 'failed', effect: 'none' }],
  },
};
