// What every copy service shares: how a state treats host access and data, and the shape of
// its state machine. Each service (volume-copy.ts, shadowimage.ts, flashcopy-*.ts) is a table of
// these, so the engine and the UI ask the same data "what may happen now".

export const COPY_TYPES = ['volume-copy', 'shadowimage', 'flashcopy'] as const;
export type CopyType = (typeof COPY_TYPES)[number];
/**
 * What the engine holds as a relationship: the copy types, and SANtricity snapshots (a base volume
 * and its snapshot volume, copy-on-write into the snapshot's repository: copy/snapshot.ts). A
 * snapshot is not a copy: the copies API never lists it; it shows as a volume.
 */
export type RelationshipType = CopyType | 'snapshot';

/** The relationship's copy type; a snapshot reaching a copy-only path is a bug. */
export function copyTypeOf(relationship: { type: RelationshipType }): CopyType {
  if (relationship.type === 'snapshot') throw new Error('a snapshot is not a copy relationship');
  return relationship.type;
}

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
  /** A timer the state starts on entry: `event` fires `ms` of simulated time later (kept across restarts). */
  after?: { ms: number; event: AutomaticEvent };
  /** What the engine does on entering the state (lifecycle/state-actions.ts). */
  onEnter?: readonly EntryAction[];
  /** What the engine does on leaving the state for another. */
  onExit?: readonly ExitAction[];
  /** The target is owned by the source's controller while in this state (SANtricity copy in progress). */
  targetFollowsSource?: boolean;
  /** The relationship holds its volumes: they count as in a relationship for eligibility. */
  holdsVolumes: boolean;
  /** Target volume status presented to hosts in this state. */
  targetStatus: 'online' | 'offline';
  /** Source volume status presented to hosts in this state (online when absent). */
  sourceStatus?: 'online' | 'offline';
  /** The target stays online in this state when the background copy had completed (Storwize stopping). */
  targetOnlineIfCopied?: boolean;
  /**
   * The relationship's own image is being given up (Storwize stopping): it is not saved on writes,
   * and before the relationship leaves, it copies what other mappings read through it at its clean rate.
   */
  cleans?: boolean;
  /** One line a storage administrator would read in the vendor's documentation. */
  meaning: string;
}

/**
 * Named things the engine does on entering a state:
 * - join-queue: takes its place in the array's queue of waiting volume copies;
 * - take-target-owner: the source's controller takes the target too;
 * - start-update-cycle: the update-copy interval starts now;
 * - mark-siblings-for-reverse: the grains a reverse resync rewrites become P-VOL changes for the other pairs;
 * - start-if-asked: a prepared mapping someone asked to start starts (with its group, when all are prepared);
 * - forget-start-request: a start asked of an unprepared mapping no longer applies;
 * - remove: the relationship ends and is deleted;
 * - mark-target-if-incomplete: ended with grains still to copy, the target is marked as holding an incomplete image.
 */
export type EntryAction =
  | 'join-queue'
  | 'take-target-owner'
  | 'start-update-cycle'
  | 'mark-siblings-for-reverse'
  | 'start-if-asked'
  | 'forget-start-request'
  | 'remove'
  | 'mark-target-if-incomplete';
/** On leaving a state: return-target-owner gives the target back to the controller that owned it before. */
export type ExitAction = 'return-target-owner';
/**
 * Named things a transition does after it lands (lifecycle/state-actions.ts):
 * - ask-start-when-prepared: continue to copying once prepared (Storwize start on an unprepared mapping);
 * - mark-copied-once: a complete copy exists, so the next incremental start copies only differences;
 * - auto-delete: the mapping deletes itself when its autoDelete option is on;
 * - set-mode-option: the row's mode becomes the relationship's mode option (DS6000 copy | nocopy);
 */
export type TransitionAction = 'ask-start-when-prepared' | 'mark-copied-once' | 'auto-delete' | 'set-mode-option';
/**
 * Checks a row needs before it may apply: eligible-again = source and target still qualify (DS6000
 * establish again); cleaned = no other mapping still reads grains through this one (Storwize);
 * recording = the relationship records changes (DS6000 incremental); ends-by-itself = not persistent.
 */
export type TransitionGuard = 'eligible-again' | 'cleaned' | 'recording' | 'ends-by-itself';

/** Named engine operations a transition performs on the relationship's bitmaps and volumes. */
export type Effect =
  | 'none'
  | 'full-copy' // every grain to copy again (initial copy, recopy, resync from an error)
  | 'point-in-time' // T0 now: every grain to copy (only those changed since the last complete copy when incremental), the target presents the T0 image
  | 'resync-forward' // copy grains changed on either side since the split, P→S
  | 'resync-reverse' // the same, S→P
  | 'split' // the S-VOL keeps the P-VOL image at this instant
  | 'discard-target' // target data no longer valid (stopped before the copy completed)
  | 'refresh' // a new T0 copying only grains changed since the last one (DS6000 resync)
  | 'reverse-restore' // the target's image onto the source, roles swapped, changed grains only (the target completed first)
  | 'fast-reverse-restore' // the same at once: the original target keeps no usable image
  | 'quick-restore'; // XP7: P-VOL and S-VOL swap images at once; the swapped grains are to copy again, P→S

export interface Transition<S extends string = string> {
  from: readonly S[];
  to: S;
  effect: Effect;
  /**
   * For actions with a mode (split quick|steady, resync normal|reverse): the mode this row is for.
   * For an automatic event with several rows from one state (Storwize `recovered`): the state the
   * relationship was in before, which the row returns it to.
   */
  mode?: string;
  then?: readonly TransitionAction[];
  guard?: TransitionGuard;
}

export interface ActionSpec<S extends string = string> {
  /** A short label for buttons. */
  label: string;
  /** The action's `mode` option: allowed values, the first being the default. */
  modes?: readonly string[];
  transitions: readonly Transition<S>[];
  /** Asks for confirmation in the console: it discards or overwrites data, takes a volume offline, or ends a mirror (a split). */
  destructive: boolean;
}

/**
 * Events the engine raises itself (timers, the copier, faults) rather than a person. `fault` is an
 * I/O error or the loss of every path (the vendor's error state); `metadata-lost` and `recovered`
 * are Storwize's loss and return of FlashCopy metadata access (engine/faults/fault.ts);
 * `repository-full` is a SANtricity snapshot whose repository cannot hold another saved grain.
 */
export const AUTOMATIC_EVENTS = ['copied', 'prepared', 'stopped', 'deleted', 'fault', 'metadata-lost', 'recovered', 'slot-free', 'repository-full'] as const;
export type AutomaticEvent = (typeof AUTOMATIC_EVENTS)[number];

/** Where a new relationship begins: started (the service's initial copy) or held unstarted. */
export interface CreatedSpec<S extends string = string> {
  /**
   * The first transition when created started (from no state). Rows may carry a mode: the value
   * of the option `modeOption` picks the row (DS6000 copy | nocopy).
   */
  started: readonly Omit<Transition<S>, 'from'>[];
  modeOption?: string;
  /** The state of a relationship created unstarted, or null when the service has none. */
  unstarted: S | null;
  /** Why the service cannot hold a relationship unstarted (when `unstarted` is null). */
  unstartedRefusal?: string;
}

/** How a relationship is deleted (DELETE /api/copies/:id), by service. */
export interface RemovalSpec<S extends string = string> {
  /** States it may be deleted in; in any other state `refusal` says what to do first. */
  allowedIn: readonly S[];
  refusal: (name: string, state: string) => string;
  /** States that first pass to `to` on deletion, so the history shows it (SANtricity's stop). */
  through?: { from: readonly S[]; to: S };
  /** Deletion enters this state, whose timer ends the relationship (ShadowImage SMPL(PD)). */
  via?: S;
  /** A forced delete (SVC rmfcmap -force) goes in any state, through this transition first. */
  forced?: { to: S; effect: Effect };
}

/** A service's state machine; S is its own union of state names, so a misspelt state does not compile. */
export interface ServiceTable<S extends string = string> {
  type: RelationshipType;
  /** The relationship's kind in messages: "mapping fcmap0", "pair sipair1". */
  noun: string;
  created: CreatedSpec<S>;
  removal: RemovalSpec<S>;
  /**
   * Relationships of one source form a chain, newest first, and a target may be another's source
   * (Storwize multiple targets and cascades, io/chain.ts); otherwise each stands alone.
   */
  chained?: boolean;
  /** States a member may join or leave a consistency group in; absent: the service has no groups. */
  groupChangeIn?: readonly S[];
  /**
   * How a consistency group treats its members (absent: together). together — the group prepares,
   * starts and stops them at one instant, and a member is not acted on alone (Storwize); alone —
   * each is established, resynced or withdrawn on its own, and the group holds the sources of those
   * established with `freeze` until it is thawed (DS6000 mkflash -freeze, unfreezeflash).
   */
  groupActs?: 'together' | 'alone';
  /** Actions that may take the `freeze` option besides creation (DS CLI -freeze); absent: the service never freezes. */
  freezeWith?: readonly string[];
  states: Record<S, StateSpec>;
  actions: Record<string, ActionSpec<S>>;
  automatic: Partial<Record<AutomaticEvent, readonly Transition<S>[]>>;
}
