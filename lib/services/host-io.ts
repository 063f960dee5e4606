// What a host attached to a volume does: reads, writes, and simulated workloads, all through the
// engine's one I/O path. A write is answered only once its data and the bitmaps it marked are saved.
// Host I/O is the data path, not a command: a write has its own save rule (below) and is nobody's
// event in the log, so it does not go through runCommand; starting and stopping a workload do.
import { ApiError } from '../http/api-error';
import { readBodyBytes } from '../http/request';
import { DATA_REQUEST_BYTES_MAX } from '../api/copy-schemas';
import type { Runtime } from '../runtime';
import type { Engine } from '../../engine';
import { runCommand, type Actor } from './run-command';
import type { WorkloadSpec, WorkloadStats } from '../../engine/io/workload-spec';

/** Saves a write may wait for before it is refused as unsavable (each is one transaction). */
const WRITE_SAVES_MAX = 5;

export async function writeVolume(runtime: Runtime, volumeId: string, offsetBytes: number, request: Request): Promise<number> {
  // Refuse what cannot be written before reading (up to 16 MiB of) a body: an unknown volume, or a
  // declared length that does not fit. The engine checks the range again against the bytes received.
  const volume = runtime.engine.requireVolume(volumeId);
  const capacity = Number(volume.capacityBytes);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isSafeInteger(declared) && declared <= DATA_REQUEST_BYTES_MAX && offsetBytes + declared > capacity) {
    throw new ApiError(400, `${declared} bytes at offset ${offsetBytes} do not fit volume ${volume.name} (${capacity} bytes)`);
  }
  const data = await readBodyBytes(request, DATA_REQUEST_BYTES_MAX);
  if (data.length === 0) throw new ApiError(400, 'the request body holds no bytes to write');
  const write = runtime.engine.hostWrite(volumeId, offsetBytes, data);
  // The engine writes the data once a save covering the write's marks commits; a write whose
  // rules changed meanwhile waits one more save (engine/io/write-queue.ts).
  for (let saves = 0; write.state === 'pending'; saves++) {
    if (saves >= WRITE_SAVES_MAX) throw new ApiError(503, `the write to ${volume.name} could not be saved; try again`);
    await runtime.persister.flush();
  }
  if (write.state === 'refused') throw write.refusal ?? new ApiError(409, `the write to ${volume.name} was refused`);
  // Acknowledged only when the data is durable too.
  runtime.engine.store(volumeId).flush();
  return data.length;
}

export function readVolume(runtime: Runtime, volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
  return runtime.engine.hostRead(volumeId, offsetBytes, lengthBytes);
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
}

export function volumeUsage(runtime: Runtime, volumeId: string): VolumeUsage {
  const volume = runtime.engine.requireVolume(volumeId);
  return { volumeId, capacityBytes: Number(volume.capacityBytes), allocatedBytes: runtime.engine.store(volumeId).allocatedBytes() };
}
