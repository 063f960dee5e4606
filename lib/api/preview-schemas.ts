// zod schemas of POST /api/preview: the commands the engine is asked to judge without running
// them (engine/preview/types.ts), and its answer, a preview per command with the consequences in
// the engine's own sentences. They validate requests and generate /api/openapi.json.
import { z } from 'zod';
import { CONTROLLER_SLOTS } from '../../engine/model';
import type { PreviewCommand } from '../../engine/preview/types';
import { CreateCopyBody } from './copy-schemas';
import { CreateFaultBody } from './fault-schemas';

const Id = z.string().min(1).max(64);
const Slot = z.enum(CONTROLLER_SLOTS);
const Word = z.string().min(1).max(32);

/** A bulk create of the wizard is one list; more than this is not a person's review. */
export const PREVIEW_COMMANDS_MAX = 1000;

const NewTarget = z
  .strictObject({
    name: z.string().min(1).max(64),
    capacityBytes: z.number().int().positive().meta({ description: 'The size the volume will have, in bytes' }),
    currentOwner: Slot.meta({ description: 'The controller that will own it' }),
  })
  .meta({ description: 'A volume the caller will create first; taken as online and unheld' });

const CreateCopyCommand = CreateCopyBody.extend({ command: z.literal('create-copy') });
const CreateCopyNewTargetCommand = CreateCopyBody.omit({ targetVolumeId: true }).extend({ command: z.literal('create-copy-new-target'), newTarget: NewTarget });

export const PreviewCommandSchema = z
  .discriminatedUnion(
    'command',
    [
      CreateCopyCommand,
      CreateCopyNewTargetCommand,
      z.strictObject({ command: z.literal('copy-action'), copyId: Id, action: Word, mode: Word.optional() }),
      z.strictObject({ command: z.literal('group-action'), groupId: Id, action: Word, mode: Word.optional() }),
      z.strictObject({ command: z.literal('delete-copy'), copyId: Id, force: z.boolean().optional() }),
      z.strictObject({ command: z.literal('inject-fault'), fault: CreateFaultBody }),
      z.strictObject({ command: z.literal('restore-controller'), arrayId: Id, slot: Slot }),
      z.strictObject({ command: z.literal('clear-fault'), faultId: Id }),
    ],
    {
      error:
        'command must be one of create-copy, create-copy-new-target, copy-action, group-action, delete-copy, inject-fault, restore-controller, clear-fault',
    },
  )
  .meta({ id: 'PreviewCommand' });

/** What the schema accepts is a command the engine takes: this fails to compile if they drift apart. */
type EngineCommand<T extends PreviewCommand> = T;
export type PreviewCommandInput = EngineCommand<z.output<typeof PreviewCommandSchema>>;

export const PreviewBody = z
  .strictObject({
    commands: z
      .array(PreviewCommandSchema)
      .min(1, 'give at least one command')
      .max(PREVIEW_COMMANDS_MAX, `may judge at most ${PREVIEW_COMMANDS_MAX} commands at once`)
      .meta({ description: 'Judged as one list, in order: later copies queue behind earlier ones' }),
  })
  .meta({ id: 'PreviewRequest' });

const CopyRef = { copyId: z.string().nullable().meta({ description: 'null for the copy a create would make' }), copyName: z.string() };
const VolumeRef = { volumeId: z.string(), volumeName: z.string() };
const Text = z.string().meta({ description: 'The engine’s sentence for it, shown as it is' });

export const ConsequenceDto = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('state'), from: z.string().nullable(), to: z.string().nullable(), text: Text, ...CopyRef }),
    z.object({ kind: z.literal('moves'), bytes: z.number(), fromVolumeId: z.string(), toVolumeId: z.string(), text: Text, ...CopyRef }),
    z.object({ kind: z.literal('queues'), ahead: z.number().int(), text: Text, ...CopyRef }),
    z.object({ kind: z.literal('overwritten'), text: Text, ...VolumeRef }),
    z.object({ kind: z.literal('access'), access: z.enum(['read-write', 'read-only', 'none']), text: Text, ...VolumeRef }),
    z.object({ kind: z.literal('offline'), text: Text, ...VolumeRef }),
    z.object({ kind: z.literal('online'), text: Text, ...VolumeRef }),
    z.object({ kind: z.literal('owner'), from: Slot, to: Slot, text: Text, ...VolumeRef }),
  ])
  .meta({ id: 'Consequence' });

export const PreviewDto = z
  .object({
    allowed: z.boolean().meta({ description: 'False when the engine would refuse the command now' }),
    refusal: z.string().nullable().meta({ description: 'Why it would be refused' }),
    consequences: z.array(ConsequenceDto).meta({ description: 'In the order they would happen; empty when refused' }),
  })
  .meta({ id: 'Preview' });

export const PreviewResponseDto = z.object({ previews: z.array(PreviewDto).meta({ description: 'One per command, in order' }) }).meta({ id: 'Previews' });
