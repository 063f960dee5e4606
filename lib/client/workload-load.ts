// What a workload setting asks of the simulated data plane, for the form to say before it starts:
// the bytes a second it writes, what that is in real writes at the simulation's speed, whether the
// engine's per-tick budget (engine/io/workload-spec.ts) will hold it back, and how soon it would
// fill the volume's never-written space on the server's disk (volume files are sparse: each new
// chunk a host writes takes real disk).
import { WORKLOAD_OPS_PER_TICK_MAX, WORKLOAD_TICK_BYTES_MAX, WORKLOAD_TICKS_PER_WALL_SEC } from '@/engine/client';
import type { WorkloadRequest } from './types';

/** The wall time over which the form judges what a workload takes on disk. */
export const FILL_HORIZON_WALL_SEC = 3_600;
/** A workload that would take more real disk than this within the horizon asks before it starts. */
export const FILL_QUESTION_BYTES = 4 * 1024 ** 3;

export interface WorkloadLoad {
  /** Bytes the host asks to write per simulated second. */
  writeBytesPerSimSec: number;
  /** Real bytes per wall second that asks for at the current speed (0 when paused). */
  askedWriteBytesPerWallSec: number;
  /** Real write bytes per wall second once the data plane's budget applies. */
  writeBytesPerWallSec: number;
  /** The IOPS the data plane runs instead at this speed; null when it runs as asked. */
  limitedToIops: number | null;
  /** Wall seconds until its writes could have filled the volume's unwritten space; null when it writes nothing now. */
  fillWallSec: number | null;
  /** Real disk its writes may take within FILL_HORIZON_WALL_SEC: at most the volume's unwritten space. */
  diskBytesInHorizon: number;
}

/** `speed` as the simulation runs (0 paused, 'max' as fast as the engine can). */
export function workloadLoad(request: WorkloadRequest, speed: number | 'max', unwrittenBytes: number | null): WorkloadLoad {
  const opsPerTickMax = Math.max(1, Math.min(WORKLOAD_OPS_PER_TICK_MAX, Math.floor(WORKLOAD_TICK_BYTES_MAX / request.blockBytes)));
  const opsPerWallSecMax = opsPerTickMax * WORKLOAD_TICKS_PER_WALL_SEC;
  const writeShare = request.writePercent / 100;
  const writeBytesPerSimSec = request.iops * request.blockBytes * writeShare;
  // At 'max' the simulation runs as fast as the engine can, so the budget is what bounds it.
  const askedOpsPerWallSec = speed === 'max' ? Number.POSITIVE_INFINITY : request.iops * speed;
  const opsPerWallSec = Math.min(askedOpsPerWallSec, opsPerWallSecMax);
  const limited = askedOpsPerWallSec > opsPerWallSecMax;
  const writeBytesPerWallSec = opsPerWallSec * request.blockBytes * writeShare;
  return {
    writeBytesPerSimSec,
    askedWriteBytesPerWallSec: speed === 'max' ? writeBytesPerWallSec : askedOpsPerWallSec * request.blockBytes * writeShare,
    writeBytesPerWallSec,
    limitedToIops: limited && speed !== 'max' ? Math.floor(opsPerWallSecMax / speed) : null,
    fillWallSec: unwrittenBytes === null || writeBytesPerWallSec === 0 ? null : unwrittenBytes / writeBytesPerWallSec,
    diskBytesInHorizon: Math.min(unwrittenBytes ?? Number.POSITIVE_INFINITY, writeBytesPerWallSec * FILL_HORIZON_WALL_SEC),
  };
}

/** Whether to ask before starting: it would take more of the pool's real disk within the hour than FILL_QUESTION_BYTES. */
export function asksBeforeStart(load: WorkloadLoad): boolean {
  return load.diskBytesInHorizon > FILL_QUESTION_BYTES;
}

/** "5 min", "2 h", "45 s": how long, roughly. */
export function roughDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3_600)} h`;
}
