// zod schemas of the fault and controller routes (docs/api.md#faults-and-controllers: the
// /api/faults routes and controllers fail/restore). They validate requests and generate
// /api/openapi.json.
import { z } from 'zod';
import { FAULT_KINDS } from '../../engine/faults/fault';
import { CONTROLLER_SLOTS } from '../../engine/model';

const Id = z.string().min(1).max(64);
const Slot = z.enum(CONTROLLER_SLOTS);

export const FaultKindSchema = z.enum(FAULT_KINDS);

export const CreateFaultBody = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('volume-io-error'), volumeId: Id.meta({ description: 'The volume whose every I/O fails' }) }),
      z.strictObject({ kind: z.literal('metadata-loss'), copyId: Id.meta({ description: 'A Storwize FlashCopy mapping that is copying or stopping' }) }),
      z.strictObject({ kind: z.literal('controller-failure'), arrayId: Id, slot: Slot }),
    ],
    { error: `kind must be one of ${FAULT_KINDS.join(', ')}` },
  )
  .meta({ id: 'InjectFault' });

export const FaultQuery = z.strictObject({ arrayId: Id.optional(), kind: FaultKindSchema.optional() });

export const FaultDto = z
  .object({
    id: z.string(),
    kind: FaultKindSchema,
    arrayId: z.string(),
    volumeId: z.string().nullable(),
    copyId: z.string().nullable(),
    slot: Slot.nullable(),
    targetName: z.string().meta({ description: 'What the fault hits, in words' }),
    since: z.string().meta({ description: 'Simulated time of injection (ISO-8601)' }),
    effect: z.string().meta({ description: 'What the fault did when injected, in words' }),
    resumeState: z.string().nullable().meta({ description: 'metadata-loss: the state the mapping returns to when access comes back' }),
  })
  .meta({ id: 'Fault' });
