// What every copy service shares: how a state treats host access and data, and the shape of
// its state machine. Each service (volume-copy.ts, shadowimage.ts, flashcopy-*.ts) is a table of
// these, so the engine and the UI ask the same data "what may happen now".

export const COPY_TYPES = ['volume-copy', 'shadowimage', 'flashcopy'] as const;
export type CopyType = (typeof COPY_TYPES)[number];

export type Access = 'read-write' | 'read-only' | 'none';

/**
 * How the host I/O path treats the pair in a state:
 * - independent: no redirection (writes may still be tracked in the difference bitmaps);
 * - mirror: the target follows the source; source writes mark grains to copy again;
 * - point-in-time: the target presents the source image at T0; reads of uncopied grains come from
 *   the source, and a source write copies the grain's T0 data to the target first.
 */
export type DataMode = 'independent' | 'mirror' | 'point-in-time';

/** Which way the background copier moves grains in a state, if at all. */
export type CopyDirection = 'none' | 'forward' | 'reverse';

export interface StateSpec {
  sourceAccess: Access;
  targetAccess: Access;
  data: DataMode;
  /** Writes are recorded in sourceDiff/targetDiff (changes since the split, T0 or last copy). */
  trackChanges: boolean;
  copier: CopyDirection;
  /** The copier runs only when an update copy is due (ShadowImage PAIR), not continuously. */
  updateCopy?: boolean;
  /** Where the relationship goes when no grain is left to copy ("remove" = it ends and is deleted). */
  whenCopied?: string;
  /** The relationship holds its volumes: they count as in a relationship for eligibility. */
  holdsVolumes: boolean;
  /** Target volume status presented to hosts in this state. */
  targetStatus: 'online' | 'offline';
  /** One line a storage administrator would read in the vendor's documentation. */
  meaning: string;
}

/** Named engine operations a transition performs on the relationship's bitmaps and volumes. */
export type Effect =
  | 'none'
  | 'full-copy' // every grain to copy again (initial copy, recopy, resync from an error)
  | 'point-in-time' // T0 now: every grain to copy, the target presents the T0 image
  | 'incremental-point-in-time' // T0 now, only grains changed since the last complete copy to copy
  | 'resync-forward' // copy grains changed on either side since the split, P→S
  | 'resync-reverse' // the same, S→P
  | 'split' // the S-VOL keeps the P-VOL image at this instant
  | 'discard-target'; // target data no longer valid (stopped before the copy completed)

export interface Transition {
  from: readonly string[];
  to: string;
  effect: Effect;
  /**
   * For actions with a mode (split quick|steady, resync normal|reverse): the mode this row is for.
   * For an automatic event with several rows from one state (Storwize `recovered`): the state the
   * relationship was in before, which the row returns it to.
   */
  mode?: string;
}

export interface ActionSpec {
  /** A short label for buttons. */
  label: string;
  /** The action's `mode` option: allowed values, the first being the default. */
  modes?: readonly string[];
  transitions: readonly Transition[];
  /** Asks for confirmation in the console: it discards or overwrites data. */
  destructive: boolean;
}

/**
 * Events the engine raises itself (timers, the copier, faults) rather than a person. `fault` is an
 * I/O error or the loss of every path (the vendor's error state); `metadata-lost` and `recovered`
 * are Storwize's loss and return of FlashCopy metadata access (engine/faults/fault.ts).
 */
export const AUTOMATIC_EVENTS = ['copied', 'prepared', 'stopped', 'deleted', 'fault', 'metadata-lost', 'recovered', 'slot-free'] as const;
export type AutomaticEvent = (typeof AUTOMATIC_EVENTS)[number];

/** Where a new relationship begins: started (the service's initial copy) or held unstarted. */
export interface CreatedSpec {
  /**
   * The first transition when created started, from the pseudo-state SMPL. Rows may carry a mode:
   * the value of the option `modeOption` picks the row (DS6000 copy | nocopy).
   */
  started: readonly Transition[];
  modeOption?: string;
  /** The state of a relationship created unstarted, or null when the service has none. */
  unstarted: string | null;
  /** Why the service cannot hold a relationship unstarted (when `unstarted` is null). */
  unstartedRefusal?: string;
}

export interface ServiceTable {
  type: CopyType;
  created: CreatedSpec;
  states: Record<string, StateSpec>;
  actions: Record<string, ActionSpec>;
  automatic: Partial<Record<AutomaticEvent, readonly Transition[]>>;
}
