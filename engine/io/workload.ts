// A simulated host: a stream of reads and writes at a rate in simulated time, through the same
// I/O path as the API's data endpoints. Written bytes are pseudo-random from a seed, so a run can
// be replayed.
import { Prng } from '../data/prng';
import { WORKLOAD_OPS_PER_TICK_MAX, WORKLOAD_TICK_BYTES_MAX, type WorkloadSpec, type WorkloadStats } from './workload-spec';

export {
  WORKLOAD_BLOCK_BYTES_MAX,
  WORKLOAD_BLOCK_BYTES_MIN,
  WORKLOAD_IOPS_MAX,
  WORKLOAD_OPS_PER_TICK_MAX,
  WORKLOAD_PATTERNS,
  WORKLOAD_TICK_BYTES_MAX,
  WORKLOAD_TICKS_PER_WALL_SEC,
  type WorkloadPattern,
  type WorkloadSpec,
  type WorkloadStats,
} from './workload-spec';

/**
 * A written block is random once, then restamped before each write with one fresh word every
 * this many bytes: every write's data still differs and replays from the seed, at a thousandth of
 * the cost of drawing the whole block again (which was most of a flat-out workload's CPU).
 */
const STAMP_STRIDE_BYTES = 4096;

export type HostOp = { kind: 'read'; offsetBytes: number; lengthBytes: number } | { kind: 'write'; offsetBytes: number; data: Uint8Array };

export class Workload {
  readonly volumeId: string;
  readonly spec: WorkloadSpec;
  readonly stats: WorkloadStats = {
    reads: 0,
    writes: 0,
    rejected: 0,
    rejectedWrites: 0,
    bytesWritten: 0,
    iopsMeasured: 0,
    limitedToIops: null,
    lastError: null,
  };
  private readonly prng: Prng;
  private readonly capacityBytes: number;
  private cursorBytes = 0;
  private carryOps = 0;
  private readonly block: Uint8Array;
  private readonly blockView: DataView;
  /** The most operations one tick may run: the data plane's byte budget in blocks, within the ops bound. */
  private readonly opsPerTickMax: number;
  /**
   * Whether issue() keeps to one tick's data-plane budget. Ticks in real time do, so the server
   * stays responsive; stepping a paused simulation (advance) does not: it was asked for exactly
   * that stretch of simulated time, and nobody is served in between.
   */
  budgeted = true;

  constructor(volumeId: string, capacityBytes: number, spec: WorkloadSpec, seed: number) {
    if (spec.blockBytes <= 0 || spec.blockBytes > capacityBytes) throw new RangeError(`block of ${spec.blockBytes} bytes does not fit the volume`);
    this.volumeId = volumeId;
    this.capacityBytes = capacityBytes;
    this.spec = { ...spec };
    this.prng = new Prng(seed);
    this.block = new Uint8Array(spec.blockBytes);
    this.blockView = new DataView(this.block.buffer);
    this.prng.fill(this.block);
    this.opsPerTickMax = Math.max(1, Math.min(WORKLOAD_OPS_PER_TICK_MAX, Math.floor(WORKLOAD_TICK_BYTES_MAX / spec.blockBytes)));
  }

  /**
   * Performs the operations due in `elapsedMs` of simulated time, at most what one tick's data
   * plane budget allows, one at a time: a write's data buffer is reused by the next operation.
   * What the budget cuts off is dropped, not owed: a host the array cannot keep up with runs at
   * the array's pace, it does not catch up in a burst that would hold the next ticks too.
   */
  issue(elapsedMs: number, perform: (op: HostOp) => void): number {
    const due = this.carryOps + (this.spec.iops * elapsedMs) / 1000;
    const opsMax = this.budgeted ? this.opsPerTickMax : WORKLOAD_OPS_PER_TICK_MAX;
    const limited = this.budgeted && Math.floor(due) > opsMax;
    const count = Math.min(Math.floor(due), opsMax);
    this.carryOps = limited ? 0 : Math.min(due - count, WORKLOAD_OPS_PER_TICK_MAX);
    for (let i = 0; i < count; i += 1) perform(this.nextOp());
    if (elapsedMs > 0) {
      this.stats.iopsMeasured += ((count * 1000) / elapsedMs - this.stats.iopsMeasured) * Math.min(1, elapsedMs / 2_000);
      this.stats.limitedToIops = limited ? Math.floor((opsMax * 1000) / elapsedMs) : null;
    }
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
    for (let stampBytes = 0; stampBytes + 4 <= this.block.length; stampBytes += STAMP_STRIDE_BYTES) this.blockView.setUint32(stampBytes, this.prng.u32(), true);
    return { kind: 'write', offsetBytes, data: this.block };
  }
}
