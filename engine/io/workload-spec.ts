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
  lastError: string | null;
}
