// Client-side shapes of the API's DTOs, inferred from the server's own zod schemas.
import type { z } from 'zod';
import type { BitmapDto, CopyDto } from '@/lib/api/copy-schemas';
import type { ArrayDto, ControllerDto, CreateVolumeBody, EventDto, HealthDto, PoolDto, VolumeDto } from '@/lib/api/fleet-schemas';
import type { VolumeUsageDto, WorkloadBody, WorkloadDto } from '@/lib/api/host-io-schemas';
import type { CreateFaultBody, FaultDto } from '@/lib/api/fault-schemas';

export type StorageArray = z.infer<typeof ArrayDto>;
export type Controller = z.infer<typeof ControllerDto>;
export type Pool = z.infer<typeof PoolDto>;
export type Volume = z.infer<typeof VolumeDto>;
export type FleetEvent = z.infer<typeof EventDto>;
export type Health = z.infer<typeof HealthDto>;
export type Copy = z.infer<typeof CopyDto>;
/** Storwize only (absent for other services): cleaning, dependent mappings and restores of a mapping in a chain. */
export type CopyChain = NonNullable<Copy['chain']>;
export type CopyBitmap = z.infer<typeof BitmapDto>;
export type Fault = z.infer<typeof FaultDto>;
export type InjectFaultRequest = z.input<typeof CreateFaultBody>;
/** A running host workload with its counters (GET /api/volumes/:id/workload, `workloads.updated`). */
export type Workload = z.infer<typeof WorkloadDto>;
export type WorkloadRequest = z.infer<typeof WorkloadBody>;
export type VolumeUsage = z.infer<typeof VolumeUsageDto>;
/** What POST /api/volumes accepts on the wire (byte counts as number or decimal string). */
export type CreateVolumeRequest = z.input<typeof CreateVolumeBody>;

/** Byte counts arrive as numbers, or decimal strings above 2^53 (docs/api.md#conventions). */
export type ByteCount = Volume['capacityBytes'];

export function toBigBytes(value: ByteCount): bigint {
  return BigInt(value);
}

/** Bytes as the API wants them: a number while exact, a decimal string beyond. */
export function toWireBytes(bytes: bigint): number | string {
  return bytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(bytes) : bytes.toString();
}
