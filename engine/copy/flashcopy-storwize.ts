// Storwize / Flex System V7000 FlashCopy mappings (the IBM Flex System V7000 guide, docs/domain.md#storwize-flashcopy).
import { STORWIZE_PREPARE_MS, STORWIZE_STOPPING_MS } from './chosen-values';
import type { ServiceTable, StateSpec } from './types';

export const STORWIZE_FLASHCOPY_STATES = ['idle_or_copied', 'preparing', 'prepared', 'copying', 'stopping', 'stopped', 'suspended'] as const;
export type StorwizeFlashCopyState = (typeof STORWIZE_FLASHCOPY_STATES)[number];

export const STORWIZE_GRAIN_SIZES_KIB = [64, 256] as const;
export const STORWIZE_DEFAULT_GRAIN_KIB = 256;
export const STORWIZE_DEFAULT_COPY_RATE = 50;
export const STORWIZE_COPY_RATE_MAX = 150;

/**
 * The copy-rate table: 0 = no background copy; bands of ten, each twice the one below,
 * 1–10 = 128 KiB/s … 91–100 = 64 MiB/s … 141–150 = 2 GiB/s.
 */
export function storwizeRateBytesPerSec(copyRate: number): number {
  if (!Number.isInteger(copyRate) || copyRate < 0 || copyRate > STORWIZE_COPY_RATE_MAX) {
    throw new RangeError(`copy rate must be an integer 0–${STORWIZE_COPY_RATE_MAX}, got ${copyRate}`);
  }
  if (copyRate === 0) return 0;
  const band = Math.ceil(copyRate / 10); // 1…15
  return 128 * 1024 * 2 ** (band - 1);
}

const hidden = (meaning: string): StateSpec => ({
  sourceAccess: 'read-write',
  targetAccess: 'none',
  data: 'independent',
  trackChanges: true,
  copier: 'none',
  holdsVolumes: true,
  targetStatus: 'online',
  meaning,
});

export const storwizeFlashCopyTable: ServiceTable<StorwizeFlashCopyState> = {
  type: 'flashcopy',
  noun: 'mapping',
  chained: true,
  created: {
    // "start (prepares first if needed)": the engine continues to copying once prepared.
    started: [{ to: 'preparing', effect: 'none', then: ['ask-start-when-prepared'] }],
    unstarted: 'idle_or_copied',
  },
  removal: {
    allowedIn: ['idle_or_copied', 'stopped'],
    refusal: (name, state) => `mapping ${name} is ${state}: stop it before deleting (only idle_or_copied or stopped mappings can be deleted)`,
    // SVC's rmfcmap -force: the target keeps whatever it holds, which is not a consistent image.
    forced: { to: 'stopped', effect: 'discard-target' },
  },
  // A group starts its members at one instant, which a mapping already copying for itself would break.
  groupChangeIn: ['idle_or_copied', 'stopped'],
  groupActs: 'together',
  states: {
    idle_or_copied: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'independent',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Source and target act as independent volumes; an incremental mapping records the differences.',
    },
    preparing: {
      ...hidden('Flushing the source cache and discarding the target cache; the target is online but not accessible.'),
      after: { ms: STORWIZE_PREPARE_MS, event: 'prepared' },
    },
    prepared: { ...hidden('Ready to start; the target is online but not accessible.'), onEnter: ['start-if-asked'] },
    copying: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'forward',
      onEnter: ['forget-start-request'],
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'The target presents the source as it was at the start (T0); the background copy runs at the copy rate.',
    },
    stopping: {
      sourceAccess: 'read-write',
      targetAccess: 'none',
      // Still in its chain: mappings reading grains through it get them (cleaning) before it leaves.
      data: 'point-in-time',
      cleans: true,
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'offline',
      meaning:
        'Stopping: the target is offline (online if the copy had completed) while the mapping copies the grains other mappings still read through it to them, at its clean rate.',
      targetOnlineIfCopied: true,
      after: { ms: STORWIZE_STOPPING_MS, event: 'stopped' },
      onEnter: ['forget-start-request'],
    },
    stopped: {
      sourceAccess: 'read-write',
      targetAccess: 'none',
      data: 'independent',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'offline',
      meaning:
        'Stopped by a command or an I/O error: the target is offline and its data is not usable unless the copy had completed; start the mapping to copy again, or delete it to bring the target online.',
    },
    suspended: {
      sourceAccess: 'none',
      targetAccess: 'none',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'offline',
      meaning: 'Access to the FlashCopy metadata is lost: source and target are offline until it returns.',
      sourceStatus: 'offline',
    },
  },
  actions: {
    prepare: {
      label: 'Prepare',
      destructive: false,
      transitions: [{ from: ['idle_or_copied', 'stopped'], to: 'preparing', effect: 'none' }],
    },
    start: {
      label: 'Start',
      destructive: true,
      transitions: [
        { from: ['prepared'], to: 'copying', effect: 'point-in-time' },
        // "start (prepares first if needed)": the engine continues to copying once prepared.
        { from: ['idle_or_copied', 'stopped'], to: 'preparing', effect: 'none', then: ['ask-start-when-prepared'] },
      ],
    },
    stop: {
      label: 'Stop',
      destructive: true,
      transitions: [{ from: ['preparing', 'prepared', 'copying', 'suspended'], to: 'stopping', effect: 'none' }],
    },
  },
  automatic: {
    prepared: [{ from: ['preparing'], to: 'prepared', effect: 'none' }],
    // The difference bitmaps keep counting from T0, not from the completion: grains written while
    // the copy ran differ from the next T0 too, and an incremental start must copy them.
    // "After all of the source data is copied to the target and there are no dependent mappings,
    // the state is set to copied" (the IBM Flex System V7000 guide): a complete mapping others
    // still read through cleans first.
    copied: [{ from: ['copying'], to: 'idle_or_copied', effect: 'none', guard: 'cleaned', then: ['mark-copied-once', 'auto-delete'] }],
    stopped: [{ from: ['stopping'], to: 'stopped', effect: 'discard-target', guard: 'cleaned' }],
    // "The mapping is stopped because either you issued a stop command or an I/O error occurred.
    // The target volume is offline and its data is lost" (the IBM Flex System V7000 guide).
    fault: [{ from: ['preparing', 'prepared', 'copying', 'stopping'], to: 'stopped', effect: 'discard-target' }],
    // "The mapping started, but it did not complete. Access to the metadata is lost" (the IBM Flex System V7000 guide).
    'metadata-lost': [{ from: ['copying', 'stopping'], to: 'suspended', effect: 'none' }],
    // "When access to the metadata is restored, the mapping returns to the copying or stopping
    // state": the mode is the state it was suspended from. Bitmaps are untouched, so the copy resumes.
    recovered: [
      { from: ['suspended'], to: 'copying', effect: 'none', mode: 'copying' },
      { from: ['suspended'], to: 'stopping', effect: 'none', mode: 'stopping' },
    ],
  },
};
