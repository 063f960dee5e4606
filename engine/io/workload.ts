// A simulated host: a stream of reads and writes at a rate in simulated time, through the same
// I/O path as the API's data endpoints. Written bytes are pseudo-random from a seed, so a run can
// be replayed.
import { Prng } from '../data/prng';
import type { WorkloadSpec, WorkloadStats } from './workload-spec';

export {
  WORKLOAD_BLOCK_BYTES_MAX,
  WORKLOAD_BLOCK_BYTES_MIN,
  WORKLOAD_IOPS_MAX,
  WORKLOAD_PATTERNS,
  type WorkloadPattern,
  type WorkloadSpec,
  type WorkloadStats,
} from './workload-spec';

/** Host operations one tick may issue for one workload; a busy machine falls behind instead. */
export const WORKLOAD_OPS_PER_TICK_MAX = 2_000;

export type HostOp = { kind: 'read'; offsetBytes: number; lengthBytes: number } | { kind: 'write'; offsetBytes: number; data: Uint8Array };

export class Workload {
  readonly volumeId: string;
  readonly spec: WorkloadSpec;
  readonly stats: WorkloadStats = { reads: 0, writes: 0, rejected: 0, rejectedWrites: 0, bytesWritten: 0, iopsMeasured: 0, lastError: null };
  private readonly prng: Prng;
  private readonly capacityBytes: number;
  private cursorBytes = 0;
  private carryOps = 0;
  private readonly block: Uint8Array;

  constructor(volumeId: string, capacityBytes: number, spec: WorkloadSpec, seed: number) {
    if (spec.blockBytes <= 0 || spec.blockBytes > capacityBytes) throw new RangeError(`block of ${spec.blockBytes} bytes does not fit the volume`);
    this.volumeId = volumeId;
    this.capacityBytes = capacityBytes;
    this.spec = { ...spec };
    this.prng = new Prng(seed);
    this.block = new Uint8Array(spec.blockBytes);
  }

  /**
   * Performs the operations due in `elapsedMs` of simulated time (bounded per tick), one at a
   * time: a write's data buffer is reused by the next operation.
   */
  issue(elapsedMs: number, perform: (op: HostOp) => void): number {
    const due = this.carryOps + (this.spec.iops * elapsedMs) / 1000;
    const count = Math.min(Math.floor(due), WORKLOAD_OPS_PER_TICK_MAX);
    this.carryOps = Math.min(due - count, WORKLOAD_OPS_PER_TICK_MAX);
    for (let i = 0; i < count; i += 1) perform(this.nextOp());
    if (elapsedMs > 0) this.stats.iopsMeasured += ((count * 1000) / elapsedMs - this.stats.iopsMeasured) * Math.min(1, elapsedMs / 2_000);
    return count;
  }

  private nextOp(): HostOp {
    const blocks = Math.floor(this.capacityBytes / this.spec.blockBytes);
    let offsetBytes: number;
    if (this.spec.pattern === 'random') {
      offsetBytes = this.prng.int(blocks) * this.spec.blockBytes;
    } else {
      offsetBytes = this.cursorBytes;
      this.cursorBytes = (this.cursorBytes + this.spec.blockBytes) % (blocks * this.spec.blockBytes);
    }
    if (this.prng.float() * 100 >= this.spec.writePercent) return { kind: 'read', offsetBytes, lengthBytes: this.spec.blockBytes };
    this.prng.fill(this.block);
    return { kind: 'write', offsetBytes, data: this.block };
  }
}
