// zod schemas of the volume page's "Host I/O" shapes: the workload a host runs and what it
// reports, and how much of a volume holds data. Browser-safe (zod and the engine's import-free
// limits only), so the console's workload form checks with the very schema the API applies.
import { z } from 'zod';
import { WORKLOAD_BLOCK_BYTES_MAX, WORKLOAD_BLOCK_BYTES_MIN, WORKLOAD_IOPS_MAX, WORKLOAD_PATTERNS } from '../../engine/io/workload-spec';

export const WorkloadBody = z
  .strictObject({
    pattern: z.enum(WORKLOAD_PATTERNS),
    iops: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(WORKLOAD_IOPS_MAX, `must be at most ${WORKLOAD_IOPS_MAX.toLocaleString('en-US')}`),
    blockBytes: z
      .number()
      .int('must be a whole number of bytes')
      .min(WORKLOAD_BLOCK_BYTES_MIN, `must be at least ${WORKLOAD_BLOCK_BYTES_MIN} bytes`)
      .max(WORKLOAD_BLOCK_BYTES_MAX, 'must be at most 1 MiB')
      .multipleOf(WORKLOAD_BLOCK_BYTES_MIN, 'must be a multiple of 512 bytes'),
    writePercent: z.number().min(0, 'must be at least 0').max(100, 'must be at most 100'),
  })
  .meta({ id: 'Workload' });

export const WorkloadDto = z
  .object({
    volumeId: z.string(),
    pattern: z.enum(WORKLOAD_PATTERNS),
    iops: z.number(),
    blockBytes: z.number(),
    writePercent: z.number(),
    stats: z.object({
      reads: z.number().int(),
      writes: z.number().int(),
      rejected: z.number().int().meta({ description: 'Operations the volume refused (423: its status, or its role in a relationship state)' }),
      rejectedWrites: z.number().int().meta({ description: 'The writes among rejected' }),
      bytesWritten: z.number().int(),
      iopsMeasured: z.number().int().meta({ description: 'Operations per simulated second, smoothed over the last seconds' }),
      limitedToIops: z.number().int().nullable().meta({
        description: 'When the simulated data plane cannot run the requested rate at this speed: the operations per simulated second it runs instead',
      }),
      lastError: z.string().nullable().meta({ description: 'Why the last refused operation was refused' }),
    }),
  })
  .meta({ id: 'RunningWorkload' });

export const VolumeUsageDto = z
  .object({
    volumeId: z.string(),
    capacityBytes: z.number().int(),
    allocatedBytes: z.number().int().meta({ description: 'Bytes in blocks (4 KiB) ever written, by hosts or by copies; never-written space costs nothing' }),
    hostIo: z
      .object({
        reads: z.number().int(),
        writes: z.number().int(),
        readBytes: z.number().int(),
        writtenBytes: z.number().int(),
        refusals: z.number().int(),
        lastRefusal: z.string().nullable(),
      })
      .meta({
        description:
          'Host I/O through the REST data endpoint and NBD since the server started (acknowledged reads and writes, and refusals); workloads count in their own stats',
      }),
    connections: z
      .array(z.object({ protocol: z.literal('nbd'), user: z.string(), address: z.string(), readOnly: z.boolean(), sinceIso: z.string() }))
      .meta({ description: 'Hosts attached over NBD now' }),
  })
  .meta({ id: 'VolumeUsage' });
