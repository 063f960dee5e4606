// What a host attached to a volume does: reads, writes, and simulated workloads, all through the
// engine's one I/O path. A write is answered only once its data and the bitmaps it marked are saved.
// Host I/O is the data path, not a command: a write has its own save rule (below) and is nobody's
// event in the log, so it does not go through runCommand; starting and stopping a workload do.
import { ApiError } from '../http/api-error';
import { DATA_REQUEST_BYTES_MAX } from '../api/copy-schemas';
import type { Runtime } from '../runtime';
import type { HostConnection, HostIoCount } from './host-io-counters';
import type { Engine } from '../../engine';
import { runCommand, type Actor } from './run-command';
import type { WorkloadSpec, WorkloadStats } from '../../engine/io/workload-spec';

/** Saves a write may wait for before it is refused as unsavable (each is one transaction). */
const WRITE_SAVES_MAX = 5;

/**
 * Writes `data` and resolves once reads see it: the save of the marks it made (if it made any)
 * committed and the engine wrote it. Not yet durable: see writeDurably (and NBD's FLUSH).
 */
export async function writeApplied(runtime: Runtime, volumeId: string, offsetBytes: number, data: Uint8Array): Promise<void> {
  if (data.length === 0) throw new ApiError(400, 'the request body holds no bytes to write');
  // A primary past its lease deadline writes nothing more (lib/cluster/lease.ts).
  if (runtime.cluster.membership !== null && !runtime.cluster.membership.mayWrite()) {
    throw new ApiError(503, 'this node is no longer the primary Copy Services Server; retry on the new primary');
  }
  const write = runtime.engine.hostWrite(volumeId, offsetBytes, data);
  // The engine writes the data once a save covering the write's marks commits; a write whose
  // rules changed meanwhile waits one more save (engine/io/write-queue.ts). A write that marked
  // nothing new through saved relationships was written at once (state 'applied').
  for (let saves = 0; write.state === 'pending'; saves++) {
    if (saves >= WRITE_SAVES_MAX) throw new ApiError(503, `the write to ${runtime.engine.requireVolume(volumeId).name} could not be saved; try again`);
    await runtime.persister.flush();
  }
  if (write.state === 'refused') throw write.refusal ?? new ApiError(409, `the write to ${runtime.engine.requireVolume(volumeId).name} was refused`);
  runtime.hostIo.counters.wrote(volumeId, data.length);
}

/**
 * Writes `data` and resolves once it is durable: applied (writeApplied), then its volume
 * fdatasync'ed — that sync shared with every writer that arrived with it (group commit,
 * lib/persist/volume-syncs.ts).
 */
export async function writeDurably(runtime: Runtime, volumeId: string, offsetBytes: number, data: Uint8Array): Promise<void> {
  await writeApplied(runtime, volumeId, offsetBytes, data);
  await runtime.hostIo.syncs.sync(volumeId);
}

/**
 * A refused host read or write, counted against its volume by the path that refused it (an
 * unknown volume id is nobody's refusal).
 */
export function countRefusal(runtime: Runtime, volumeId: string, error: unknown): void {
  if (runtime.engine.fleet.volume(volumeId) === undefined) return;
  runtime.hostIo.counters.refused(volumeId, error instanceof Error ? error.message : String(error));
}

/** Why `lengthBytes` at `offsetBytes` cannot be written to the volume, checked before a body is read; null if it fits. */
export function writeRangeRefusal(runtime: Runtime, volumeId: string, offsetBytes: number, lengthBytes: number): ApiError | null {
  const volume = runtime.engine.requireVolume(volumeId);
  const capacity = Number(volume.capacityBytes);
  if (!Number.isSafeInteger(lengthBytes) || lengthBytes > DATA_REQUEST_BYTES_MAX || offsetBytes + lengthBytes <= capacity) return null;
  return new ApiError(400, `${lengthBytes} bytes at offset ${offsetBytes} do not fit volume ${volume.name} (${capacity} bytes)`);
}

export function readVolume(runtime: Runtime, volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
  const bytes = runtime.engine.hostRead(volumeId, offsetBytes, lengthBytes);
  runtime.hostIo.counters.read(volumeId, lengthBytes);
  return bytes;
}

/** lib/api/host-io-schemas.ts WorkloadDto; also the payload of the `workloads.updated` push. */
export interface WorkloadDto extends WorkloadSpec {
  volumeId: string;
  stats: WorkloadStats;
}

/**
 * The volume's workload as the API shows it. A mapper, not a service: the live push calls it with
 * the engine in hand; route handlers call getWorkload.
 */
export function workloadDto(engine: Engine, volumeId: string): WorkloadDto | null {
  const workload = engine.workload(volumeId);
  if (workload === undefined) return null;
  return { volumeId, ...workload.spec, stats: { ...workload.stats, iopsMeasured: Math.round(workload.stats.iopsMeasured) } };
}

/** "No workload" is a normal answer about a volume that exists (null); an unknown volume is 404. */
export function getWorkload(runtime: Runtime, volumeId: string): WorkloadDto | null {
  runtime.engine.requireVolume(volumeId);
  return workloadDto(runtime.engine, volumeId);
}

export async function startWorkload(runtime: Runtime, volumeId: string, spec: WorkloadSpec, actor: Actor): Promise<WorkloadDto> {
  await runCommand(runtime, actor, (engine) => engine.startWorkload(volumeId, spec));
  const dto = workloadDto(runtime.engine, volumeId);
  if (dto === null) throw new Error('workload vanished as it started');
  return dto;
}

export async function stopWorkload(runtime: Runtime, volumeId: string, actor: Actor): Promise<void> {
  const stopped = await runCommand(runtime, actor, (engine) => engine.stopWorkload(volumeId));
  if (!stopped) throw new ApiError(404, `no workload runs on volume "${volumeId}"`);
}

/** lib/api/host-io-schemas.ts VolumeUsageDto: how much of the volume ever held data. */
export interface VolumeUsage {
  volumeId: string;
  capacityBytes: number;
  allocatedBytes: number;
  hostIo: HostIoCount;
  connections: HostConnection[];
}

export function volumeUsage(runtime: Runtime, volumeId: string): VolumeUsage {
  const volume = runtime.engine.requireVolume(volumeId);
  return {
    volumeId,
    capacityBytes: Number(volume.capacityBytes),
    allocatedBytes: runtime.engine.store(volumeId).allocatedBytes(),
    hostIo: runtime.hostIo.counters.count(volumeId),
    connections: runtime.hostIo.counters.connectionsOf(volumeId),
  };
}
