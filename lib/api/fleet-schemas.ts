// zod schemas of docs/api.md#fleet, #volumes and #events: they validate requests, type the client,
// and generate /api/openapi.json, so the three cannot drift apart.
import { z } from 'zod';
import { ARRAY_MODELS, CONTROLLER_SLOTS, CONTROLLER_STATUSES, VOLUME_STATUSES } from '../../engine/model';
import { SNAPSHOT_STATES } from '../../engine/copy/snapshot';
import { MiB, TiB, formatBytes } from '../units';

export const MIN_VOLUME_BYTES = MiB;
export const MAX_VOLUME_BYTES = 64n * TiB;
export const SECTOR_BYTES = 512n;
export const VOLUME_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
export const MAX_VOLUME_NAME_LENGTH = 64;

/** A byte count: an integer, or a decimal string for values beyond 2^53 (docs/api.md#conventions). */
export const ByteCountInput = z
  .union([z.number(), z.string()], { error: 'must be a number of bytes' })
  .transform((value, ctx) => {
    if (typeof value === 'string') {
      if (/^\d{1,24}$/.test(value)) return BigInt(value);
      ctx.addIssue({ code: 'custom', message: 'must be a whole number of bytes written as digits' });
      return z.NEVER;
    }
    const problem = !Number.isFinite(value)
      ? 'must be a finite number of bytes'
      : value < 0
        ? 'must not be negative'
        : !Number.isInteger(value)
          ? 'must be a whole number of bytes'
          : value > Number.MAX_SAFE_INTEGER
            ? 'send values above 2^53 as a decimal string'
            : null;
    if (problem === null) return BigInt(value);
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  })
  .meta({ description: 'Bytes: an integer, or a decimal string above 2^53', example: 107374182400 });

export const VolumeCapacityInput = ByteCountInput.superRefine((bytes, ctx) => {
  if (bytes < MIN_VOLUME_BYTES) ctx.addIssue({ code: 'custom', message: `must be at least ${formatBytes(MIN_VOLUME_BYTES)}` });
  else if (bytes > MAX_VOLUME_BYTES) ctx.addIssue({ code: 'custom', message: `must be at most ${formatBytes(MAX_VOLUME_BYTES)}` });
  else if (bytes % SECTOR_BYTES !== 0n) ctx.addIssue({ code: 'custom', message: `must be a multiple of ${SECTOR_BYTES} bytes (one sector)` });
});

export const VolumeName = z
  .string()
  .min(1, 'is required')
  .max(MAX_VOLUME_NAME_LENGTH, `must be at most ${MAX_VOLUME_NAME_LENGTH} characters`)
  .regex(VOLUME_NAME_PATTERN, 'may use letters, digits and _ . : - and must start with a letter or digit');

const Id = z.string().min(1).max(64);

export const ArrayModelSchema = z.enum(ARRAY_MODELS);
export const ControllerSlotSchema = z.enum(CONTROLLER_SLOTS);

/** How the volume is provisioned (SVC mkvolume -thin/-compressed/-deduplicated); every volume is stored sparse. */
export const PROVISIONINGS = ['thick', 'thin', 'compressed', 'deduplicated', 'compressed-deduplicated'] as const;
export const ProvisioningSchema = z.enum(PROVISIONINGS);
export type Provisioning = z.infer<typeof ProvisioningSchema>;

export const CreateVolumeBody = z
  .strictObject({
    arrayId: Id,
    poolId: Id.optional(),
    name: VolumeName,
    capacityBytes: VolumeCapacityInput,
    preferredOwner: ControllerSlotSchema.optional(),
    provisioning: ProvisioningSchema.optional(),
  })
  .meta({ id: 'CreateVolume' });
export type CreateVolumeInput = z.output<typeof CreateVolumeBody>;

export const PatchVolumeBody = z
  .strictObject({
    name: VolumeName.optional(),
    capacityBytes: VolumeCapacityInput.optional().meta({ description: 'Grow the volume to this size (it never shrinks)' }),
  })
  .refine(
    (body) => (body.name === undefined) !== (body.capacityBytes === undefined),
    'give a new name or a new capacityBytes (one change per request, so a refusal changes nothing)',
  )
  .meta({ id: 'PatchVolume' });
export type PatchVolumeInput = z.output<typeof PatchVolumeBody>;

export const VolumeOwnerBody = z
  .strictObject({ owner: ControllerSlotSchema.meta({ description: 'The controller that owns the volume from now on (it also becomes the preferred owner)' }) })
  .meta({ id: 'VolumeOwner' });

export const VolumeQuery = z.strictObject({
  arrayId: Id.optional(),
  poolId: Id.optional(),
  role: z.string().min(1).max(32).optional(),
  owner: ControllerSlotSchema.optional(),
  q: z.string().max(128).optional(),
});
export type VolumeFilter = z.output<typeof VolumeQuery>;

const Bytes = z.union([z.number().int(), z.string()]).meta({ description: 'Bytes (decimal string above 2^53)' });

export const ControllerDto = z.object({
  slot: ControllerSlotSchema,
  status: z.enum(CONTROLLER_STATUSES),
  volumeCount: z.number().int(),
});

export const PoolDto = z.object({
  id: z.string(),
  name: z.string(),
  lss: z.number().int().optional(),
  capacityBytes: Bytes,
  usedBytes: Bytes,
});

export const ArrayDto = z
  .object({
    id: z.string(),
    name: z.string(),
    model: ArrayModelSchema,
    serial: z.string(),
    controllers: z.array(ControllerDto),
    pools: z.array(PoolDto),
    capacityBytes: Bytes,
    usedBytes: Bytes,
    volumeCount: z.number().int(),
  })
  .meta({ id: 'Array' });

export const VOLUME_KINDS = ['standard', 'snapshot'] as const;
export type VolumeKind = (typeof VOLUME_KINDS)[number];

export const SnapshotDto = z
  .object({
    baseVolumeId: z.string(),
    state: z.enum(SNAPSHOT_STATES).meta({ description: 'optimal | disabled | failed (repository full or I/O error)' }),
    pointInTime: z.string().nullable().meta({ description: 'The instant the snapshot presents (simulated clock, ISO-8601)' }),
    repositoryCapacityBytes: Bytes,
    repositoryUsedBytes: Bytes.meta({ description: 'Bytes saved from the base, or written to the snapshot, since the point in time' }),
  })
  .meta({ id: 'Snapshot' });

export const CreateSnapshotBody = z
  .strictObject({
    name: VolumeName.optional(),
    repositoryCapacityBytes: ByteCountInput.optional().meta({ description: "The repository's size; 20 % of the base when absent" }),
  })
  .meta({ id: 'CreateSnapshot' });
export type CreateSnapshotInput = z.output<typeof CreateSnapshotBody>;

export const SNAPSHOT_ACTIONS = ['recreate', 'disable'] as const;
export const SnapshotActionParam = z.enum(SNAPSHOT_ACTIONS);

export const VolumeDto = z
  .object({
    id: z.string(),
    arrayId: z.string(),
    poolId: z.string(),
    name: z.string(),
    number: z.number().int().meta({ description: "The volume's number on its array (SVC vdisk id)" }),
    capacityBytes: Bytes,
    preferredOwner: ControllerSlotSchema,
    currentOwner: ControllerSlotSchema,
    roles: z.array(z.string()),
    status: z.enum(VOLUME_STATUSES),
    statusReason: z
      .string()
      .nullable()
      .meta({ description: 'Why the volume is not online: which fault, or which relationship in which state; null when online' }),
    readOnly: z.boolean(),
    imageNote: z
      .string()
      .nullable()
      .meta({ description: "Why the volume's data is not a consistent image (a FlashCopy withdrawn before its copy completed); null when it is" }),
    provisioning: ProvisioningSchema,
    kind: z
      .enum(VOLUME_KINDS)
      .meta({ description: "The volume's own type (SANtricity): what it returns to when a copy pair is removed; its copy roles are in roles" }),
    snapshot: SnapshotDto.nullable().meta({ description: 'A snapshot volume: its base, repository and state; null for a standard volume' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Volume' });

export const HealthDto = z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }).meta({ id: 'Health' });

export const ErrorDto = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

export const EventDto = z
  .object({
    id: z.string(),
    time: z.string().meta({ description: 'Wall (real) time the entry was written (ISO-8601)' }),
    simulatedTime: z
      .string()
      .nullable()
      .meta({ description: "The simulation's clock when it happened (ISO-8601), the time the console shows; null for entries written before it was kept" }),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    arrayId: z.string().nullable(),
    actor: z.string(),
    details: z.unknown(),
  })
  .meta({ id: 'Event' });

export const MAX_EVENT_EXPORT_ROWS = 100_000;

export const EventQuery = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  arrayId: Id.optional(),
  kind: z.string().max(64).optional(),
  /** Who did it: a username ("system" for the engine's own changes, "anonymous" for refused callers). */
  actor: z.string().max(128).optional(),
  /** audit = requests (who asked for what, and the outcome); changes = what happened to the storage. */
  category: z.enum(['audit', 'changes']).optional(),
  /** What it is about: a copy's, volume's or array's id (a copy's detail page shows its own history). */
  subjectId: Id.optional(),
});

/** The same filters as a CSV download (GET /api/events/export), with room for a whole audit period. */
export const EventExportQuery = EventQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_EVENT_EXPORT_ROWS).default(10_000),
});

export const EventActorsDto = z.array(z.string()).meta({ id: 'EventActors' });
