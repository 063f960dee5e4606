// DS6000 / ESS FlashCopy relationships (the IBM DS6000 Copy Services chapter and the ESS FlashCopy paper, docs/domain.md#ds6000-flashcopy).
import type { ServiceTable } from './types';

export const DS6000_FLASHCOPY_STATES = ['copying', 'nocopy', 'ended'] as const;
export type Ds6000FlashCopyState = (typeof DS6000_FLASHCOPY_STATES)[number];

export const DS6000_MODES = ['copy', 'nocopy'] as const;
export type Ds6000Mode = (typeof DS6000_MODES)[number];

export const ds6000FlashCopyTable: ServiceTable<Ds6000FlashCopyState> = {
  type: 'flashcopy',
  noun: 'relationship',
  created: {
    started: [
      { to: 'copying', effect: 'point-in-time', mode: 'copy' },
      { to: 'nocopy', effect: 'point-in-time', mode: 'nocopy' },
    ],
    modeOption: 'mode',
    unstarted: null,
    unstartedRefusal: 'a DS6000 FlashCopy relationship exists only once established at T0',
  },
  removal: {
    allowedIn: ['ended'],
    refusal: (name, state) => `relationship ${name} is ${state}: withdraw it before deleting the record`,
  },
  // A DS6000 consistency group is the set of relationships whose sources a freeze holds together:
  // each relationship is still established, resynced and withdrawn by its own DS CLI command, so
  // it acts alone and may join or leave in any state (there is no unstarted state to wait for).
  groupChangeIn: ['copying', 'nocopy', 'ended'],
  groupActs: 'alone',
  // mkflash -freeze (creation), and the two other commands that take a new T0 (docs/domain.md#ds6000-consistency-groups).
  freezeWith: ['start', 'resync'],
  states: {
    copying: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'forward',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Established at T0 with background copy: the target presents the T0 image; the relationship ends by itself when the copy completes.',
    },
    nocopy: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Established at T0 without background copy: only grains about to change on the source are copied; lasts until withdrawn.',
    },
    ended: {
      // Ended before its copy completed, the target holds part of an image: marked so (seed 003).
      onEnter: ['mark-target-if-incomplete'],
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: false,
      targetStatus: 'online',
      meaning: 'The relationship has ended: the volumes are independent.',
    },
  },
  actions: {
    // DS CLI resyncflash: a new T0, copying only what changed since the last one.
    resync: {
      label: 'Resync (incremental)',
      destructive: true,
      transitions: [
        { from: ['copying'], to: 'copying', effect: 'refresh', guard: 'recording' },
        { from: ['nocopy'], to: 'nocopy', effect: 'refresh', guard: 'recording' },
      ],
    },
    // DS CLI reverseflash: the target's image goes back onto the source and the roles swap. Normal
    // mode needs change recording and first completes the target; fast (fast reverse restore)
    // goes at once and leaves the original target without a usable image.
    reverse: {
      label: 'Reverse restore',
      destructive: true,
      modes: ['normal', 'fast'],
      transitions: [
        { from: ['copying', 'nocopy'], to: 'copying', effect: 'reverse-restore', mode: 'normal', guard: 'recording' },
        { from: ['copying', 'nocopy'], to: 'copying', effect: 'fast-reverse-restore', mode: 'fast' },
      ],
    },
    start: {
      label: 'Establish again',
      destructive: true,
      modes: ['copy', 'nocopy'],
      transitions: [
        { from: ['ended'], to: 'copying', effect: 'point-in-time', mode: 'copy', guard: 'eligible-again', then: ['set-mode-option'] },
        { from: ['ended'], to: 'nocopy', effect: 'point-in-time', mode: 'nocopy', guard: 'eligible-again', then: ['set-mode-option'] },
      ],
    },
    'convert-to-copy': {
      label: 'Convert to copy',
      destructive: false,
      transitions: [{ from: ['nocopy'], to: 'copying', effect: 'none' }],
    },
    withdraw: {
      label: 'Withdraw',
      destructive: true,
      transitions: [{ from: ['copying', 'nocopy'], to: 'ended', effect: 'none' }],
    },
  },
  automatic: {
    // A persistent relationship stays (at 100 %) until withdrawn.
    copied: [{ from: ['copying'], to: 'ended', effect: 'none', guard: 'ends-by-itself' }],
    // The seeds name no error state and the API fixes the states: an I/O error on either volume
    // ends the relationship (the target no longer presents T0); establishing again recovers.
    fault: [{ from: ['copying', 'nocopy'], to: 'ended', effect: 'none' }],
  },
};
