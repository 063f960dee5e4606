// What a command would do, stated by the engine before anyone runs it: the wizard's review, the
// fail-controller dialog and the faults panel show these consequences instead of restating the
// copy services' rules in the console's own words.
import type { CreateCopyInput } from '../copy/create-input';
import type { Access } from '../copy/types';
import type { FaultInput } from '../faults/fault';
import type { ControllerSlot } from '../model';

export type PreviewCommand =
  | ({ command: 'create-copy' } & CreateCopyInput)
  /** A copy onto a volume the wizard would create first: it is taken as online, unheld, this size. */
  | ({ command: 'create-copy-new-target'; newTarget: { name: string; capacityBytes: number; currentOwner: ControllerSlot } } & Omit<
      CreateCopyInput,
      'targetVolumeId'
    >)
  | { command: 'copy-action'; copyId: string; action: string; mode?: string }
  | { command: 'group-action'; groupId: string; action: string; mode?: string }
  | { command: 'delete-copy'; copyId: string; force?: boolean }
  | { command: 'inject-fault'; fault: FaultInput }
  | { command: 'restore-controller'; arrayId: string; slot: ControllerSlot }
  | { command: 'clear-fault'; faultId: string };

export type PreviewCommandName = PreviewCommand['command'];

/** A relationship a consequence is about; copyId null for the one a create-copy would make. */
export interface CopyRef {
  copyId: string | null;
  copyName: string;
}

export interface VolumeRef {
  volumeId: string;
  volumeName: string;
}

/**
 * One consequence, with the engine's own sentence for it (`text`) so every surface says the same.
 * - state: a relationship changes state (from null: it is created; to null: it is removed);
 * - moves: the background copy will move `bytes` (simulated) from one volume to the other;
 * - queues: the copy waits for a slot (`ahead` copies are before it);
 * - overwritten: the volume's present contents are replaced;
 * - access: what hosts may do with the volume changes;
 * - offline: hosts lose the volume (online: they have it again);
 * - owner: the volume moves to another controller.
 */
export type Consequence =
  | ({ kind: 'state'; from: string | null; to: string | null; text: string } & CopyRef)
  | ({ kind: 'moves'; bytes: number; fromVolumeId: string; toVolumeId: string; text: string } & CopyRef)
  | ({ kind: 'queues'; ahead: number; text: string } & CopyRef)
  | ({ kind: 'overwritten'; text: string } & VolumeRef)
  | ({ kind: 'access'; access: Access; text: string } & VolumeRef)
  | ({ kind: 'offline'; text: string } & VolumeRef)
  | ({ kind: 'online'; text: string } & VolumeRef)
  | ({ kind: 'owner'; from: ControllerSlot; to: ControllerSlot; text: string } & VolumeRef);

export type ConsequenceKind = Consequence['kind'];

export interface Preview {
  /** False when the engine would refuse the command now; `refusal` says why. */
  allowed: boolean;
  refusal: string | null;
  /** In the order they would happen; empty when refused. */
  consequences: Consequence[];
}

/** The engine answers a list so a bulk create is judged as a whole (later copies queue behind earlier ones). */
export interface PreviewRequest {
  commands: PreviewCommand[];
}
