// Faults the simulation can inject (docs/domain.md#faults): what each one hits, and the record the console
// lists. The engine applies a fault's consequences through the copy services' state tables
// (their automatic events), so a fault never invents a state the vendor's manual lacks.
import type { AutomaticEvent } from '../copy/types';
import type { ArrayModel, ControllerSlot } from '../model';

export const FAULT_KINDS = ['volume-io-error', 'metadata-loss', 'controller-failure'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultInput =
  | { kind: 'volume-io-error'; volumeId: string }
  | { kind: 'metadata-loss'; copyId: string }
  | { kind: 'controller-failure'; arrayId: string; slot: ControllerSlot };

export interface Fault {
  id: string;
  kind: FaultKind;
  arrayId: string;
  /** volume-io-error: the volume that fails every I/O. */
  volumeId: string | null;
  /** metadata-loss: the Storwize mapping whose metadata cannot be reached. */
  copyId: string | null;
  /** controller-failure: the failed controller. */
  slot: ControllerSlot | null;
  /** What the fault hits, in words: a volume name, "mapping <id>", "controller A". */
  targetName: string;
  /** Simulated time of injection, ms. */
  sinceMs: number;
  /** What it did when injected, in words, for the console's list and the event log. */
  effect: string;
  /** metadata-loss: the state the mapping returns to when access comes back (copying or stopping). */
  resumeState: string | null;
}

/** The state-table event each fault raises on the relationships it hits (null: none by itself). */
export const FAULT_EVENT: Record<FaultKind, AutomaticEvent | null> = {
  // Every service's vendor error state: volume copy failed, pair PSUE, mapping stopped, relationship ended.
  'volume-io-error': 'fault',
  // Storwize only (docs/domain.md#storwize-flashcopy): copying or stopping → suspended; back again when access returns.
  'metadata-loss': 'metadata-lost',
  // With a surviving controller nothing fails: its volumes move (engine/faults/ownership.ts).
  'controller-failure': null,
};

/**
 * What losing the array's last online controller does to its copies, by model: no path is left,
 * so hosts see every volume offline. SANtricity: "controller loss on a single-controller path
 * makes the copy failed" (docs/domain.md#faults). XP7: the error suspension, PSUE. Storwize (the IBM Flex System V7000 guide, docs/domain.md#sources):
 * "if the connection to both nodes … is lost, the source and target volumes go offline" — the
 * mapping keeps its state and resumes when a node returns. DS6000: the seeds say nothing of it;
 * the relationship and its bitmaps are kept and the background copy pauses, like Storwize.
 */
export const ARRAY_DOWN_EVENT: Record<ArrayModel, AutomaticEvent | null> = {
  santricity: 'fault',
  xp7: 'fault',
  storwize: null,
  ds6000: null,
};
