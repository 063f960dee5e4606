// What the engine tells the world. The server persists and pushes these; tests assert on them.
import type { Fault } from './faults/fault';
import type { ControllerSlot, ControllerStatus } from './model';

export type EngineEvent =
  | { kind: 'copy.created'; copyId: string; arrayId: string; state: string }
  | { kind: 'copy.state-changed'; copyId: string; arrayId: string; from: string; to: string; cause: string }
  | { kind: 'copy.options-changed'; copyId: string; arrayId: string; options: Record<string, unknown> }
  /** `groupId`: the consistency group it was in, if any (a group may go with its last mapping). */
  | { kind: 'copy.removed'; copyId: string; arrayId: string; cause: string; groupId: string | null; snapshotVolumeId?: string }
  | { kind: 'copy.renamed'; copyId: string; arrayId: string; from: string; to: string }
  /** A Storwize mapping joined or left a consistency group (null: none). */
  | { kind: 'copy.group-changed'; copyId: string; arrayId: string; from: string | null; to: string | null }
  /**
   * A DS6000 relationship's source was frozen for its consistency group (frozenUntilMs: until when)
   * or released (null), and why: the command that froze it (action:create, action:resync, …) or
   * released it (group:thaw <id>, action:withdraw, action:delete, group:deleted), or
   * automatic:freeze-timeout (commands/freeze.ts).
   */
  | { kind: 'copy.freeze-changed'; copyId: string; arrayId: string; groupId: string | null; frozenUntilMs: number | null; cause: string }
  /**
   * Bytes copied or bitmaps marked. `host-write`: a host write marked grains (copy-on-write or a
   * split pair's changed bitmap), which must be saved before the write is acknowledged; `copier`:
   * background copying, which may be saved late (copying a grain again is harmless); `command`:
   * after an action or option change, which has its own event. Frequent; consumers coalesce.
   */
  | { kind: 'copy.progress'; copyId: string; arrayId: string; cause: ProgressCause }
  | { kind: 'volume.owner-changed'; volumeId: string; arrayId: string; from: ControllerSlot; to: ControllerSlot; reason: string }
  /** Roles, read-only flag or status changed. */
  | { kind: 'volume.changed'; volumeId: string; arrayId: string }
  /** A volume joined the fleet (created); the inventory already holds it. */
  | { kind: 'volume.added'; volumeId: string; arrayId: string }
  /** A volume left the fleet (deleted); the inventory no longer holds it. */
  | { kind: 'volume.removed'; volumeId: string; arrayId: string }
  /** A host workload started, stopped, or ran for a tick (its counters moved): frequent; consumers coalesce. */
  | { kind: 'workload.changed'; volumeId: string; arrayId: string }
  | { kind: 'simulation.changed' }
  /** A controller failed or was restored; the moves it caused follow as volume.owner-changed. */
  | { kind: 'controller.changed'; arrayId: string; arrayName: string; slot: ControllerSlot; from: ControllerStatus; to: ControllerStatus; cause: string }
  /** A fault is in force; its consequences (state changes, moves) follow as their own events. */
  | { kind: 'fault.injected'; arrayId: string; arrayName: string; fault: Fault }
  | { kind: 'fault.cleared'; arrayId: string; arrayName: string; fault: Fault; cause: string };

export type EngineListener = (event: EngineEvent) => void;

/** Why a copy's progress moved; 'chain': another mapping's write, start or cleaning copied grains to it. */
export type ProgressCause = 'host-write' | 'copier' | 'command' | 'chain';
