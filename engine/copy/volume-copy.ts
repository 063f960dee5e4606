// SANtricity Volume Copy (docs/domain.md#santricity-volume-copy): a full copy of a source volume onto a target volume on the
// same array. At most 8 copies are in progress per array; the rest wait as pending.
import type { ServiceTable } from './types';

export const VOLUME_COPY_STATES = ['pending', 'in-progress', 'completed', 'failed', 'stopped'] as const;
export type VolumeCopyState = (typeof VOLUME_COPY_STATES)[number];

export const VOLUME_COPY_PRIORITIES = ['lowest', 'low', 'medium', 'high', 'highest'] as const;
export type VolumeCopyPriority = (typeof VOLUME_COPY_PRIORITIES)[number];

export const VOLUME_COPY_IN_PROGRESS_MAX = 8;

export const volumeCopyTable: ServiceTable<VolumeCopyState> = {
  type: 'volume-copy',
  noun: 'volume copy',
  created: {
    started: [{ to: 'pending', effect: 'full-copy' }],
    unstarted: 'stopped',
  },
  removal: {
    allowedIn: ['pending', 'in-progress', 'completed', 'failed', 'stopped'],
    refusal: (name, state) => `volume copy ${name} is ${state}`,
    // A copy deleted while queued or running is stopped first, so its history says so.
    through: { from: ['pending', 'in-progress'], to: 'stopped' },
  },
  states: {
    pending: {
      sourceAccess: 'read-only',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Queued: waits for one of the 8 in-progress slots of the array (higher priority first, then oldest).',
      onEnter: ['join-queue'],
    },
    'in-progress': {
      sourceAccess: 'read-only',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: false,
      copier: 'forward',
      targetFollowsSource: true,
      onEnter: ['take-target-owner'],
      onExit: ['return-target-owner'],
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'The controller owning both volumes copies the source onto the target.',
    },
    completed: {
      sourceAccess: 'read-write',
      targetAccess: 'read-only', // read-write when the target read-only attribute is off
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'The target holds a full copy of the source as it was when the copy ran.',
    },
    failed: {
      sourceAccess: 'read-only',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'The copy failed (I/O error or controller loss); recopy to try again.',
    },
    stopped: {
      sourceAccess: 'read-write',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Stopped by an administrator: the target data is incomplete.',
    },
  },
  actions: {
    start: {
      label: 'Start',
      destructive: true,
      transitions: [{ from: ['stopped'], to: 'pending', effect: 'full-copy' }],
    },
    stop: {
      label: 'Stop',
      destructive: true,
      transitions: [{ from: ['pending', 'in-progress'], to: 'stopped', effect: 'none' }],
    },
    recopy: {
      label: 'Recopy',
      destructive: true,
      transitions: [{ from: ['completed', 'failed', 'stopped'], to: 'pending', effect: 'full-copy' }],
    },
  },
  automatic: {
    'slot-free': [{ from: ['pending'], to: 'in-progress', effect: 'none' }],
    copied: [{ from: ['in-progress'], to: 'completed', effect: 'none' }],
    fault: [{ from: ['pending', 'in-progress'], to: 'failed', effect: 'none' }],
  },
};
