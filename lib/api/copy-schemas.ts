// zod schemas of docs/api.md#copy-relationships, #consistency-groups, #host-io and #simulation.
// Option values are checked by the engine's own option rules (engine/copy/options.ts), so the
// API, the wizard and the engine refuse the same things with the same words.
import { z } from 'zod';
import { BITMAP_CELLS_DEFAULT, BITMAP_CELLS_MAX, BITMAP_CELLS_MIN } from '../../engine/copy/bitmap-cells';
import { COPY_TYPES } from '../../engine/copy/types';
import { CLOCK_SPEEDS } from '../../engine/time/clock';

const Id = z.string().min(1).max(64);
export const CopyTypeSchema = z.enum(COPY_TYPES);
const Options = z
  .record(z.string().max(64), z.unknown())
  .meta({ description: 'Service options, e.g. {"priority":"high"}, {"copyRate":80}, {"pace":"faster"}, {"mode":"nocopy"}' });

/** Unique on the array; the engine checks the characters (engine/copy/names.ts). */
const CopyName = z.string().min(1).max(63).meta({ description: 'Unique on the array, e.g. "fcmap0" (the default) or "nightly_sql01"' });

export const CopyQuery = z.strictObject({
  type: CopyTypeSchema.optional(),
  state: z.string().max(32).optional(),
  arrayId: Id.optional(),
  volumeId: Id.optional(),
});

export const EligibilityQuery = z.strictObject({ type: CopyTypeSchema, sourceVolumeId: Id });

/** DS CLI -freeze: the source takes no host writes from T0 until the group is thawed or the freeze times out. */
const Freeze = z.boolean().meta({
  description:
    'DS6000, in a consistency group: freeze the source from T0 until the group is thawed (POST /api/consistency-groups/{id}/actions/thaw) or 120 s pass (mkflash/resyncflash -freeze)',
});

export const CreateCopyBody = z
  .strictObject({
    type: CopyTypeSchema,
    sourceVolumeId: Id,
    targetVolumeId: Id,
    options: Options.optional(),
    start: z.boolean().optional(),
    consistencyGroupId: Id.optional(),
    freeze: Freeze.optional(),
    name: CopyName.optional(),
  })
  .meta({ id: 'CreateCopy' });

export const PatchCopyBody = z
  .strictObject({
    options: Options.optional(),
    name: CopyName.optional(),
    consistencyGroupId: Id.nullable()
      .optional()
      .meta({ description: 'Move into a consistency group of the same array, or out of one (null); in a request of its own' }),
  })
  .refine((body) => body.options !== undefined || body.name !== undefined || body.consistencyGroupId !== undefined, 'give options, a name, or both')
  .refine(
    (body) => body.consistencyGroupId === undefined || (body.options === undefined && body.name === undefined),
    'change consistencyGroupId in a request of its own, without options or a name',
  )
  .meta({ id: 'PatchCopy' });
export const ActionBody = z.strictObject({ mode: z.string().min(1).max(32).optional(), freeze: Freeze.optional() }).meta({ id: 'CopyActionOptions' });

export const ActionAvailabilityDto = z.object({
  action: z.string(),
  label: z.string(),
  allowed: z.boolean(),
  destructive: z.boolean(),
  modes: z.array(z.string()),
  allowedModes: z.array(z.string()),
  reason: z.string().optional(),
});

export const CopyDto = z
  .object({
    id: z.string(),
    name: z.string(),
    number: z.number().int().meta({ description: "The relationship's number on its array (SVC mapping id)" }),
    type: CopyTypeSchema,
    model: z.string(),
    arrayId: z.string(),
    sourceVolumeId: z.string(),
    targetVolumeId: z.string(),
    state: z.string(),
    options: z.record(z.string(), z.unknown()),
    progress: z.object({
      percent: z.number(),
      copiedBytes: z.number(),
      totalBytes: z.number(),
      rateBytesPerSec: z.number(),
      etaSeconds: z.number().nullable(),
    }),
    differentialBytes: z.number(),
    grainBytes: z.number(),
    consistencyGroupId: z.string().nullable(),
    pointInTime: z.string().nullable(),
    lastStarted: z.string().nullable().meta({ description: 'The last point in time taken, kept after a stop' }),
    actions: z.array(ActionAvailabilityDto),
    createdAt: z.string(),
    updatedAt: z.string(),
    chain: z
      .object({
        cleanGrains: z.number().int().meta({ description: 'Grains other mappings still need from this one before it may stop or become copied' }),
        cleanProgress: z.number().meta({ description: 'Cleaning done since the stop began, 0–100' }),
        dependentMappingIds: z.array(z.string()).meta({ description: 'Mappings reading grains through this one now' }),
        restoring: z.boolean().meta({ description: 'A mapping from this target back onto this source is copying' }),
        restoredById: z.string().nullable(),
        restoreProgress: z.number(),
      })
      .optional()
      .meta({ description: 'Storwize FlashCopy only: cleaning, dependents and restores' }),
  })
  .meta({ id: 'Copy' });

export const BitmapQuery = z.strictObject({
  cells: z.coerce
    .number()
    .int('must be a whole number')
    .min(BITMAP_CELLS_MIN, `must be at least ${BITMAP_CELLS_MIN}`)
    .max(BITMAP_CELLS_MAX, `must be at most ${BITMAP_CELLS_MAX}`)
    .default(BITMAP_CELLS_DEFAULT)
    .meta({ description: `Most cells wanted (${BITMAP_CELLS_MIN}–${BITMAP_CELLS_MAX}); fewer come back when the volume has fewer grains` }),
});

const CellCounts = z.array(z.number().int());
export const BitmapDto = z
  .object({
    grainCount: z.number().int(),
    grainBytes: z.number().int(),
    cells: z.number().int().meta({ description: 'Cells returned; each is a run of grainsPerCell grains (the last may be shorter)' }),
    grainsPerCell: z.number().int(),
    copied: CellCounts.meta({ description: 'Per cell: grains no longer to copy (copied, or in sync)' }),
    toCopy: CellCounts.meta({ description: 'Per cell: grains still to copy' }),
    changed: CellCounts.meta({ description: 'Per cell: grains written on either volume since the point in time (T0, the split)' }),
    counts: z.object({ copied: z.number().int(), toCopy: z.number().int(), changed: z.number().int() }),
  })
  .meta({ id: 'CopyBitmap' });

export const EligibilityDto = z
  .array(
    z.object({
      volumeId: z.string(),
      eligible: z.boolean(),
      reasons: z.array(z.string()).meta({ description: 'Every reason: sourceReasons, then targetReasons' }),
      sourceReasons: z.array(z.string()).meta({ description: 'Problems of the source itself: no target can fix them' }),
      targetReasons: z.array(z.string()).meta({ description: 'Problems of this volume as the target' }),
    }),
  )
  .meta({ id: 'Eligibility' });

export const GroupName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must start with a letter or _ and use letters, digits and _ . -');
const GroupAutoDelete = z.boolean().meta({ description: 'Delete the group when its last mapping leaves it' });
export const CreateGroupBody = z
  .strictObject({
    arrayId: Id,
    name: GroupName.optional().meta({ description: 'Default: fccstgrp<number> (Storwize), fcgrp<number> (DS6000)' }),
    autoDelete: GroupAutoDelete.optional(),
  })
  .meta({ id: 'CreateConsistencyGroup' });
export const PatchGroupBody = z
  .strictObject({ name: GroupName.optional(), autoDelete: GroupAutoDelete.optional() })
  .refine((body) => body.name !== undefined || body.autoDelete !== undefined, 'give a name, autoDelete, or both')
  .meta({ id: 'PatchConsistencyGroup' });
export const DeleteGroupQuery = z.strictObject({ force: z.enum(['true', 'false']).optional() });
export const GroupDto = z
  .object({
    id: z.string(),
    arrayId: z.string(),
    name: z.string(),
    number: z.number().int(),
    autoDelete: z.boolean(),
    state: z.string(),
    memberIds: z.array(z.string()),
    frozen: z.boolean().meta({ description: 'DS6000: some member holds its source frozen (always false on Storwize)' }),
    frozenUntil: z
      .string()
      .nullable()
      .meta({ description: "When the last member's freeze times out (the group thaws by itself), simulated time; null when not frozen" }),
    createdAt: z.string(),
  })
  .meta({ id: 'ConsistencyGroup' });

export const SimulationDto = z.object({ speed: z.union([z.number(), z.literal('max')]), simulatedTime: z.string() }).meta({ id: 'Simulation' });
export const PutSimulationBody = z
  .strictObject({ speed: z.literal(CLOCK_SPEEDS, { error: 'speed must be 0 (paused), 1, 10, 100, 1000 or "max"' }) })
  .meta({ id: 'SetSimulation' });
export const AdvanceBody = z
  .strictObject({
    seconds: z
      .number()
      .positive('must be more than 0')
      .max(7 * 86_400, 'may step at most 7 days at once'),
  })
  .meta({ id: 'AdvanceSimulation' });

// The workload's schemas live where the browser can import them too.
export { WorkloadBody } from './host-io-schemas';

/** The largest single host read or write through the API. */
export const DATA_REQUEST_BYTES_MAX = 16 * 1024 * 1024;
const Offset = z
  .string()
  .regex(/^\d{1,16}$/, 'must be a whole number of bytes')
  .transform(Number);
export const DataWriteQuery = z.strictObject({ offset: Offset });
export const DataReadQuery = z.strictObject({
  offset: Offset,
  length: Offset.refine((n) => n > 0 && n <= DATA_REQUEST_BYTES_MAX, `must be 1 to ${DATA_REQUEST_BYTES_MAX} bytes`),
});
