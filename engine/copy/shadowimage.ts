// XP7 Business Copy / ShadowImage pairs (the HP XP7 Business Copy user guide, docs/domain.md#xp7-shadowimage). Open-systems state names; the mainframe
// names of that guide are kept for the console's tooltips.
import { SHADOWIMAGE_DELETE_MS } from './chosen-values';
import type { ServiceTable, StateSpec } from './types';

export const SHADOWIMAGE_STATES = ['SMPL', 'COPY(PD)', 'PAIR', 'COPY(SP)', 'PSUS(SP)', 'PSUS', 'COPY(RS)', 'COPY(RS-R)', 'PSUE', 'SMPL(PD)'] as const;
export type ShadowImageState = (typeof SHADOWIMAGE_STATES)[number];

export const SHADOWIMAGE_MAINFRAME_NAMES: Partial<Record<ShadowImageState, string>> = {
  SMPL: 'SIMPLEX',
  'COPY(PD)': 'PENDING',
  PAIR: 'DUPLEX',
  'COPY(SP)': 'SP-PEND',
  'PSUS(SP)': 'V-SPLIT',
  PSUS: 'SUSPOP',
  'COPY(RS)': 'RESYNC',
  'COPY(RS-R)': 'REVRSY',
  PSUE: 'SUSPER',
};

export const SHADOWIMAGE_PACES = ['slower', 'medium', 'faster'] as const;
export type ShadowImagePace = (typeof SHADOWIMAGE_PACES)[number];

/** One P-VOL may have up to three S-VOLs. */
export const SHADOWIMAGE_SVOLS_PER_PVOL_MAX = 3;
/** A pair's mirror unit (MU) number on its P-VOL: 0–2 on layer 1, 1–2 on layer 2 (MU 0 is layer 1's). */
export const SHADOWIMAGE_MU_MAX = 2;
/** Cascades: the S-VOL of a layer-1 pair may be the P-VOL of up to two layer-2 pairs, and no deeper. */
export const SHADOWIMAGE_L2_PAIRS_PER_SVOL_MAX = 2;

const mirror = (meaning: string): StateSpec => ({
  sourceAccess: 'read-write',
  targetAccess: 'read-only',
  data: 'mirror',
  trackChanges: false,
  copier: 'forward',
  holdsVolumes: true,
  targetStatus: 'online',
  meaning,
});

export const shadowImageTable: ServiceTable<ShadowImageState> = {
  type: 'shadowimage',
  noun: 'pair',
  created: {
    started: [{ to: 'COPY(PD)', effect: 'full-copy' }],
    unstarted: null,
    unstartedRefusal: 'a ShadowImage pair starts its initial copy when it is created',
  },
  removal: {
    allowedIn: ['COPY(PD)', 'PAIR', 'COPY(SP)', 'PSUS(SP)', 'PSUS', 'COPY(RS)', 'COPY(RS-R)', 'PSUE'],
    refusal: (name) => `pair ${name} is already being deleted`,
    via: 'SMPL(PD)',
  },
  // A consistency group (CTG) takes a pair when it is created (paircreate -m grp) and keeps it
  // until the pair is deleted. Its members still act alone; the group's split splits them all at
  // one instant (an at-time split), so the S-VOLs form a consistent set.
  groupChangeIn: [],
  groupActs: 'alone',
  states: {
    SMPL: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: false,
      targetStatus: 'online',
      meaning: 'Unpaired: both volumes accept reads and writes.',
      onEnter: ['remove'],
    },
    'COPY(PD)': mirror('Initial copy: the P-VOL is copied to the S-VOL while the P-VOL keeps taking host writes.'),
    PAIR: {
      ...mirror('Paired: P-VOL writes are recorded as differential data and copied to the S-VOL by update copies. S-VOL data consistency is not guaranteed.'),
      onEnter: ['start-update-cycle'],
      // The update-copy trigger (differential size or elapsed time) decides when the copier runs.
      updateCopy: true,
    },
    'COPY(SP)': {
      sourceAccess: 'read-write',
      targetAccess: 'read-only',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'forward',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Steady split: the remaining differential data is copied, then the pair splits.',
    },
    'PSUS(SP)': {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'point-in-time',
      trackChanges: true,
      copier: 'forward',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Quick split: the S-VOL already presents the P-VOL image of the split instant; the differences are copied in the background.',
    },
    PSUS: {
      sourceAccess: 'read-write',
      targetAccess: 'read-write',
      data: 'independent',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Split: both volumes are read/write; writes to either are recorded for the next resync.',
    },
    'COPY(RS)': mirror('Resync: the differences recorded while split are copied from the P-VOL to the S-VOL.'),
    'COPY(RS-R)': {
      sourceAccess: 'read-only',
      targetAccess: 'read-only',
      data: 'mirror',
      trackChanges: false,
      copier: 'reverse',
      onEnter: ['mark-siblings-for-reverse'],
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Reverse resync: the differences are copied from the S-VOL back to the P-VOL; the P-VOL takes no writes.',
    },
    PSUE: {
      sourceAccess: 'read-write',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: true,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Suspended by an error: the S-VOL is not usable until the pair is resynchronised (a full copy).',
    },
    'SMPL(PD)': {
      sourceAccess: 'read-write',
      targetAccess: 'read-only',
      data: 'independent',
      trackChanges: false,
      copier: 'none',
      holdsVolumes: true,
      targetStatus: 'online',
      meaning: 'Being deleted: the pair returns to SMPL; the S-VOL keeps its data.',
      after: { ms: SHADOWIMAGE_DELETE_MS, event: 'deleted' },
    },
  },
  actions: {
    split: {
      label: 'Split',
      modes: ['quick', 'steady'],
      // Asked first: the S-VOL stops following the P-VOL, and the P-VOL's writes from then on are
      // only recorded (the console's rule: what ends a mirror or loses data asks first).
      destructive: true,
      transitions: [
        { from: ['PAIR', 'COPY(PD)', 'COPY(RS)'], to: 'PSUS(SP)', effect: 'split', mode: 'quick' },
        { from: ['PAIR', 'COPY(PD)', 'COPY(RS)'], to: 'COPY(SP)', effect: 'split', mode: 'steady' },
      ],
    },
    resync: {
      label: 'Resync',
      modes: ['normal', 'reverse', 'quick'],
      destructive: true,
      transitions: [
        { from: ['PSUS'], to: 'COPY(RS)', effect: 'resync-forward', mode: 'normal' },
        { from: ['PSUS'], to: 'COPY(RS-R)', effect: 'resync-reverse', mode: 'reverse' },
        // Quick restore: the P-VOL and S-VOL swap their images at once (the array swaps the
        // volumes' maps, nothing is copied); back in PAIR, update copies bring the S-VOL along.
        { from: ['PSUS'], to: 'PAIR', effect: 'quick-restore', mode: 'quick' },
        { from: ['PSUE'], to: 'COPY(RS)', effect: 'full-copy', mode: 'normal' },
      ],
    },
    suspend: {
      label: 'Suspend (PSUE)',
      destructive: true,
      transitions: [{ from: ['COPY(PD)', 'PAIR', 'COPY(SP)', 'PSUS(SP)', 'PSUS', 'COPY(RS)', 'COPY(RS-R)'], to: 'PSUE', effect: 'none' }],
    },
  },
  automatic: {
    copied: [
      { from: ['COPY(PD)', 'COPY(RS)', 'COPY(RS-R)'], to: 'PAIR', effect: 'none' },
      { from: ['COPY(SP)', 'PSUS(SP)'], to: 'PSUS', effect: 'none' },
    ],
    fault: [{ from: ['COPY(PD)', 'PAIR', 'COPY(SP)', 'PSUS(SP)', 'COPY(RS)', 'COPY(RS-R)'], to: 'PSUE', effect: 'none' }],
    deleted: [{ from: ['SMPL(PD)'], to: 'SMPL', effect: 'none' }],
  },
};
