// Which chunks of a volume were ever written, one bit per ALLOCATION_CHUNK_BYTES chunk (the last
// chunk may be partial). Shared by the volume stores; byte offsets in, byte offsets out.
import assert from 'node:assert';
import { GRAIN_COUNT_MAX, GrainBitmap } from './grain-bitmap';
import { ALLOCATION_CHUNK_BYTES, checkRange } from './volume-store';

// Imported constants become getter calls once transpiled (tsx, esbuild); hot loops read a local.
const CHUNK_BYTES = ALLOCATION_CHUNK_BYTES;

export const CAPACITY_BYTES_MAX = GRAIN_COUNT_MAX * CHUNK_BYTES;

export function chunkCountOf(capacityBytes: number): number {
  return Math.ceil(capacityBytes / CHUNK_BYTES);
}

/** The chunk bitmap of a volume grown to `capacityBytes`: the same chunks written, the new ones not. */
export function grownChunks(chunks: GrainBitmap, capacityBytes: number): GrainBitmap {
  const grown = new GrainBitmap(chunkCountOf(capacityBytes));
  assert(grown.grainCount >= chunks.grainCount, 'a volume only grows');
  for (let chunk = chunks.nextSet(0); chunk >= 0; chunk = chunks.nextSet(chunk + 1)) grown.set(chunk);
  return grown;
}

/** What a walk over allocated and never-written runs needs: an AllocationMap or a VolumeStore. */
export interface AllocationView {
  readonly capacityBytes: number;
  isAllocated(offsetBytes: number, lengthBytes: number): boolean;
  nextAllocatedOffset(fromBytes: number): number;
  nextUnallocatedOffset(fromBytes: number): number;
}

/**
 * Visits [offsetBytes, offsetBytes + lengthBytes) as alternating runs of allocated and
 * never-written bytes, in order, so callers do one buffer operation per run.
 */
export function visitAllocationRuns(
  view: AllocationView,
  offsetBytes: number,
  lengthBytes: number,
  visit: (startBytes: number, endBytes: number, allocated: boolean) => void,
): void {
  const endBytes = offsetBytes + lengthBytes;
  assert(offsetBytes >= 0 && lengthBytes >= 0 && endBytes <= view.capacityBytes);
  // Runs alternate, and each allocated run spans at least one chunk of the range.
  const runsMax = 2 * (Math.ceil(lengthBytes / CHUNK_BYTES) + 1);
  let positionBytes = offsetBytes;
  for (let run = 0; positionBytes < endBytes; run += 1) {
    assert(run < runsMax);
    const allocated = view.isAllocated(positionBytes, 1);
    const nextBytes = allocated ? view.nextUnallocatedOffset(positionBytes) : view.nextAllocatedOffset(positionBytes);
    const runEndBytes = nextBytes === -1 ? endBytes : Math.min(nextBytes, endBytes);
    assert(runEndBytes > positionBytes);
    visit(positionBytes, runEndBytes, allocated);
    positionBytes = runEndBytes;
  }
}

export class AllocationMap implements AllocationView {
  readonly capacityBytes: number;
  readonly chunks: GrainBitmap;

  constructor(capacityBytes: number, chunks?: GrainBitmap) {
    if (!Number.isSafeInteger(capacityBytes) || capacityBytes < 0 || capacityBytes > CAPACITY_BYTES_MAX) {
      throw new RangeError(`volume capacity ${capacityBytes} is not a byte count up to ${CAPACITY_BYTES_MAX}`);
    }
    this.capacityBytes = capacityBytes;
    this.chunks = chunks ?? new GrainBitmap(chunkCountOf(capacityBytes));
    assert(this.chunks.grainCount === chunkCountOf(capacityBytes), 'allocation map size does not match capacity');
  }

  /** True when a chunk overlapping the (in-bounds) byte range was ever written. */
  isAllocated(offsetBytes: number, lengthBytes: number): boolean {
    if (lengthBytes === 0) return false;
    const [first, count] = this.chunkSpan(offsetBytes, lengthBytes);
    return this.chunks.testRangeAny(first, count);
  }

  isChunkAllocated(chunk: number): boolean {
    return this.chunks.get(chunk);
  }

  /** Marks the chunks of the (in-bounds, non-empty) range written; returns how many were new. */
  allocate(offsetBytes: number, lengthBytes: number): number {
    const [first, count] = this.chunkSpan(offsetBytes, lengthBytes);
    const before = this.chunks.count();
    this.chunks.setRange(first, count);
    return this.chunks.count() - before;
  }

  nextAllocatedOffset(fromBytes: number): number {
    return this.offsetOfNext(fromBytes, this.chunks.nextSet(this.chunkOf(fromBytes)));
  }

  nextUnallocatedOffset(fromBytes: number): number {
    return this.offsetOfNext(fromBytes, this.chunks.nextClear(this.chunkOf(fromBytes)));
  }

  allocatedBytes(): number {
    const chunkCount = this.chunks.grainCount;
    const lastChunkBytes = this.capacityBytes - (chunkCount - 1) * CHUNK_BYTES;
    const shortfallBytes = chunkCount > 0 && this.chunks.get(chunkCount - 1) ? CHUNK_BYTES - lastChunkBytes : 0;
    return this.chunks.count() * CHUNK_BYTES - shortfallBytes;
  }

  private chunkOf(offsetBytes: number): number {
    return Math.floor(offsetBytes / CHUNK_BYTES);
  }

  private chunkSpan(offsetBytes: number, lengthBytes: number): [number, number] {
    assert(lengthBytes > 0 && offsetBytes >= 0 && offsetBytes + lengthBytes <= this.capacityBytes);
    const first = this.chunkOf(offsetBytes);
    return [first, this.chunkOf(offsetBytes + lengthBytes - 1) - first + 1];
  }

  private offsetOfNext(fromBytes: number, chunk: number): number {
    assert(Number.isSafeInteger(fromBytes) && fromBytes >= 0);
    if (fromBytes >= this.capacityBytes || chunk === -1) return -1;
    return Math.max(fromBytes, chunk * CHUNK_BYTES);
  }
}

/**
 * What every store answers from its allocation map alone; each store adds how it keeps the bytes.
 */
export abstract class AllocationMapStore {
  readonly capacityBytes: number;
  protected readonly allocation: AllocationMap;

  protected constructor(allocation: AllocationMap) {
    this.allocation = allocation;
    this.capacityBytes = allocation.capacityBytes;
  }

  isAllocated(offsetBytes: number, lengthBytes: number): boolean {
    checkRange('allocation query', this.capacityBytes, offsetBytes, lengthBytes, Number.MAX_SAFE_INTEGER);
    return this.allocation.isAllocated(offsetBytes, lengthBytes);
  }

  nextAllocatedOffset(fromBytes: number): number {
    return this.allocation.nextAllocatedOffset(fromBytes);
  }

  nextUnallocatedOffset(fromBytes: number): number {
    return this.allocation.nextUnallocatedOffset(fromBytes);
  }

  allocatedBytes(): number {
    return this.allocation.allocatedBytes();
  }
}
