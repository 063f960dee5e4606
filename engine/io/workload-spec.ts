// What a simulated host workload is asked to do and what it reports, with the limits the API
// enforces. No imports, so the console's browser code can share the limits with the server.

export const WORKLOAD_PATTERNS = ['random', 'sequential'] as const;
export type WorkloadPattern = (typeof WORKLOAD_PATTERNS)[number];

export interface WorkloadSpec {
  pattern: WorkloadPattern;
  iops: number;
  blockBytes: number;
  writePercent: number;
}

export const WORKLOAD_IOPS_MAX = 200_000;
/** Host blocks are whole sectors. */
export const WORKLOAD_BLOCK_BYTES_MIN = 512;
export const WORKLOAD_BLOCK_BYTES_MAX = 1024 * 1024;

/**
 * Real bytes one workload may move (read or write) in one engine tick. A workload asking for more
 * runs at what this allows and says so (`limitedToIops`): 2,000 IOPS × 256 KiB at 10× is 5 GB/s,
 * which, unbounded, held the server's event loop for seconds per tick and starved HTTP.
 */
export const WORKLOAD_TICK_BYTES_MAX = 2 * 1024 * 1024;
/** Host operations one tick may issue for one workload: each runs the copy services' write rules. */
export const WORKLOAD_OPS_PER_TICK_MAX = 1_000;
/** The server ticks every 50 ms (lib/engine-runtime.ts), so a workload moves at most ~40 MiB of real data per second. */
export const WORKLOAD_TICKS_PER_WALL_SEC = 20;

export interface WorkloadStats {
  reads: number;
  writes: number;
  /** Operations the volume refused (its status, or its role in a relationship's state). */
  rejected: number;
  /** The writes among `rejected`: what a read-only role costs the host. */
  rejectedWrites: number;
  bytesWritten: number;
  /** Operations per simulated second over the last ticks. */
  iopsMeasured: number;
  /**
   * When the data plane cannot run the requested rate at the current speed (WORKLOAD_TICK_BYTES_MAX,
   * WORKLOAD_OPS_PER_TICK_MAX): the operations per simulated second it runs instead; null when it
   * runs as asked.
   */
  limitedToIops: number | null;
  lastError: string | null;
}
