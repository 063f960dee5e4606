// Which parts of a volume were ever written, at ALLOCATION_BLOCK_BYTES (4 KiB) granularity, so a
// 4 KiB host write costs 4 KiB to store and to copy. Shared by the volume stores; byte offsets in,
// byte offsets out.
//
// Layout. Blocks are grouped in ALLOCATION_CHUNK_BYTES (64 KiB) chunks of 16 blocks. Two chunk
// bitmaps answer most questions a word at a time: `touchedChunks` (some block allocated) and
// `fullChunks` (every block allocated). Only chunks in between (touched, not full) keep a 16-bit
// block mask, in a map: a dense volume costs two bitmaps, a sparse one a mask per written chunk.
// `fullChunks` alone is what the old, chunk-granular map said (a set chunk is written through), so
// a map persisted by either format loads as full chunks, and old data dirs open unchanged.
//
// The last chunk may be short (the capacity need not be a multiple of 64 KiB, nor of 4 KiB): it has
// only the blocks that start inside the capacity, the last of them possibly short too.
import assert from 'node:assert';
import { GRAIN_COUNT_MAX, GrainBitmap } from './grain-bitmap';
import { ALLOCATION_BLOCK_BYTES, ALLOCATION_CHUNK_BYTES, checkRange } from './volume-store';

// Imported constants become getter calls once transpiled (tsx, esbuild); hot loops read a local.
const CHUNK_BYTES = ALLOCATION_CHUNK_BYTES;
const BLOCK_BYTES = ALLOCATION_BLOCK_BYTES;
export const BLOCKS_PER_CHUNK = CHUNK_BYTES / BLOCK_BYTES;
const MASK_ALL = 2 ** BLOCKS_PER_CHUNK - 1;
assert(Number.isInteger(BLOCKS_PER_CHUNK) && BLOCKS_PER_CHUNK <= 16, 'a chunk holds a whole number of blocks, at most 16');

export const CAPACITY_BYTES_MAX = GRAIN_COUNT_MAX * CHUNK_BYTES;

export function chunkCountOf(capacityBytes: number): number {
  return Math.ceil(capacityBytes / CHUNK_BYTES);
}

/**
 * How many times a map, any map, went from holding nothing to holding something. Maps only ever
 * gain blocks, so a list of the maps holding data, made when this read n, is whole while it still
 * reads n: the copier keeps one per chain (io/chain.ts writtenAlong).
 */
let firstWrites = 0;

export function firstWriteCount(): number {
  return firstWrites;
}

/** The bits of blocks [firstBlock, endBlock) of one chunk (0 <= first < end <= BLOCKS_PER_CHUNK). */
function blockMask(firstBlock: number, endBlock: number): number {
  return ((1 << endBlock) - 1) & ~((1 << firstBlock) - 1);
}

/** Index of the lowest set bit of a non-zero mask. */
function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function popcount16(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
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
  // Runs alternate, and each allocated run spans at least one block of the range.
  const runsMax = 2 * (Math.ceil(lengthBytes / BLOCK_BYTES) + 1);
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
  /** Chunks with every block allocated: the persisted base (see the note at the top). */
  readonly fullChunks: GrainBitmap;
  /** Chunks with at least one block allocated. */
  readonly touchedChunks: GrainBitmap;
  /** Block masks of chunks touched but not full; never 0 and never the chunk's full mask. */
  private readonly partialMasks = new Map<number, number>();
  /** Blocks allocated in partial chunks, so allocatedBytes() stays O(1). */
  private partialBlocks = 0;
  private readonly lastChunk: number;
  private readonly lastChunkBytes: number;
  private readonly lastChunkMask: number;

  /** An empty map, or one whose `fullChunks` are the given (e.g. loaded) chunks. */
  constructor(capacityBytes: number, fullChunks?: GrainBitmap) {
    if (!Number.isSafeInteger(capacityBytes) || capacityBytes < 0 || capacityBytes > CAPACITY_BYTES_MAX) {
      throw new RangeError(`volume capacity ${capacityBytes} is not a byte count up to ${CAPACITY_BYTES_MAX}`);
    }
    this.capacityBytes = capacityBytes;
    this.fullChunks = fullChunks ?? new GrainBitmap(chunkCountOf(capacityBytes));
    assert(this.fullChunks.grainCount === chunkCountOf(capacityBytes), 'allocation map size does not match capacity');
    this.touchedChunks = this.fullChunks.clone();
    this.lastChunk = this.fullChunks.grainCount - 1;
    this.lastChunkBytes = capacityBytes - this.lastChunk * CHUNK_BYTES;
    this.lastChunkMask = blockMask(0, Math.ceil(this.lastChunkBytes / BLOCK_BYTES));
  }

  /**
   * The same allocation in a volume grown to `capacityBytes`. A short last chunk that was full
   * stays full: its new bytes are a hole in the file (zeros), and the chunk-granular base map,
   * which cannot say otherwise, says the same after a reopen.
   */
  grown(capacityBytes: number): AllocationMap {
    const grown = new AllocationMap(capacityBytes);
    assert(grown.fullChunks.grainCount >= this.fullChunks.grainCount, 'a volume only grows');
    for (let chunk = this.fullChunks.nextSet(0); chunk >= 0; chunk = this.fullChunks.nextSet(chunk + 1)) grown.addBlocks(chunk, MASK_ALL);
    for (const [chunk, mask] of this.partialMasks) grown.addBlocks(chunk, mask);
    return grown;
  }

  /** True when a block overlapping the (in-bounds) byte range was ever written. */
  isAllocated(offsetBytes: number, lengthBytes: number): boolean {
    if (lengthBytes === 0) return false;
    const endBytes = offsetBytes + lengthBytes;
    assert(offsetBytes >= 0 && endBytes <= this.capacityBytes);
    const chunkFirst = Math.floor(offsetBytes / CHUNK_BYTES);
    const chunkLast = Math.floor((endBytes - 1) / CHUNK_BYTES);
    // The common answer for a thin volume, from the bitmap alone.
    if (!this.touchedChunks.testRangeAny(chunkFirst, chunkLast - chunkFirst + 1)) return false;
    if (chunkFirst === chunkLast) return (this.maskOf(chunkFirst) & this.blocksWithin(chunkFirst, offsetBytes, endBytes)) !== 0;
    if ((this.maskOf(chunkFirst) & this.blocksWithin(chunkFirst, offsetBytes, (chunkFirst + 1) * CHUNK_BYTES)) !== 0) return true;
    if ((this.maskOf(chunkLast) & this.blocksWithin(chunkLast, chunkLast * CHUNK_BYTES, endBytes)) !== 0) return true;
    return chunkLast - chunkFirst > 1 && this.touchedChunks.testRangeAny(chunkFirst + 1, chunkLast - chunkFirst - 1);
  }

  /** True when the block holding byte `offsetBytes` was ever written. */
  isBlockAllocated(offsetBytes: number): boolean {
    const chunk = Math.floor(offsetBytes / CHUNK_BYTES);
    return (this.maskOf(chunk) & (1 << Math.floor((offsetBytes - chunk * CHUNK_BYTES) / BLOCK_BYTES))) !== 0;
  }

  /** Marks the blocks the (in-bounds, non-empty) range touches as written; returns how many were new. */
  allocate(offsetBytes: number, lengthBytes: number): number {
    const endBytes = offsetBytes + lengthBytes;
    assert(lengthBytes > 0 && offsetBytes >= 0 && endBytes <= this.capacityBytes);
    const chunkFirst = Math.floor(offsetBytes / CHUNK_BYTES);
    const chunkLast = Math.floor((endBytes - 1) / CHUNK_BYTES);
    let added = 0;
    for (let chunk = chunkFirst; chunk <= chunkLast; chunk += 1) {
      const chunkStartBytes = chunk * CHUNK_BYTES;
      added += this.addBlocks(chunk, this.blocksWithin(chunk, Math.max(offsetBytes, chunkStartBytes), Math.min(endBytes, chunkStartBytes + CHUNK_BYTES)));
    }
    return added;
  }

  /** The first offset >= fromBytes inside an allocated block, or -1. */
  nextAllocatedOffset(fromBytes: number): number {
    assert(Number.isSafeInteger(fromBytes) && fromBytes >= 0);
    if (fromBytes >= this.capacityBytes) return -1;
    const chunk = Math.floor(fromBytes / CHUNK_BYTES);
    const here = this.maskOf(chunk) & ~blockMask(0, Math.floor((fromBytes - chunk * CHUNK_BYTES) / BLOCK_BYTES));
    if (here !== 0) return Math.max(fromBytes, chunk * CHUNK_BYTES + lowestBit(here) * BLOCK_BYTES);
    const next = chunk === this.lastChunk ? -1 : this.touchedChunks.nextSet(chunk + 1);
    return next === -1 ? -1 : next * CHUNK_BYTES + lowestBit(this.maskOf(next)) * BLOCK_BYTES;
  }

  /** The first offset >= fromBytes inside a never-written block, or -1. */
  nextUnallocatedOffset(fromBytes: number): number {
    assert(Number.isSafeInteger(fromBytes) && fromBytes >= 0);
    if (fromBytes >= this.capacityBytes) return -1;
    const chunk = Math.floor(fromBytes / CHUNK_BYTES);
    const here = ~this.maskOf(chunk) & this.fullMaskOf(chunk) & ~blockMask(0, Math.floor((fromBytes - chunk * CHUNK_BYTES) / BLOCK_BYTES));
    if (here !== 0) return Math.max(fromBytes, chunk * CHUNK_BYTES + lowestBit(here) * BLOCK_BYTES);
    const next = chunk === this.lastChunk ? -1 : this.fullChunks.nextClear(chunk + 1);
    return next === -1 ? -1 : next * CHUNK_BYTES + lowestBit(~this.maskOf(next) & this.fullMaskOf(next)) * BLOCK_BYTES;
  }

  /** Bytes of capacity inside allocated blocks (a short last block counts its bytes only). */
  allocatedBytes(): number {
    const countedBytes = this.fullChunks.count() * CHUNK_BYTES + this.partialBlocks * BLOCK_BYTES;
    // Most volumes of a long chain were never written: the copier asks each of them every tick.
    if (this.lastChunk < 0 || countedBytes === 0) return countedBytes;
    // The last chunk was counted in whole chunks or blocks; take off what lies past the capacity.
    const lastBlockBit = (this.lastChunkMask + 1) >>> 1;
    let shortfallBytes = 0;
    if (this.fullChunks.get(this.lastChunk)) shortfallBytes = CHUNK_BYTES - this.lastChunkBytes;
    else if ((this.maskOf(this.lastChunk) & lastBlockBit) !== 0) shortfallBytes = popcount16(this.lastChunkMask) * BLOCK_BYTES - this.lastChunkBytes;
    return countedBytes - shortfallBytes;
  }

  /** Calls `visit` with the block runs of chunks only partly allocated (what the full-chunk bitmap cannot say). */
  visitPartialBlockRuns(visit: (firstBlock: number, endBlock: number) => void): void {
    for (const [chunk, mask] of this.partialMasks) {
      let rest = mask;
      while (rest !== 0) {
        const first = lowestBit(rest);
        let end = first;
        while (end < BLOCKS_PER_CHUNK && (rest & (1 << end)) !== 0) end += 1;
        visit(chunk * BLOCKS_PER_CHUNK + first, chunk * BLOCKS_PER_CHUNK + end);
        rest &= ~blockMask(first, end);
      }
    }
  }

  /** How many chunks keep a block mask (each costs a map entry in memory and a journal record when compacted). */
  partialChunkCount(): number {
    return this.partialMasks.size;
  }

  private maskOf(chunk: number): number {
    if (this.fullChunks.get(chunk)) return this.fullMaskOf(chunk);
    return this.partialMasks.get(chunk) ?? 0;
  }

  private fullMaskOf(chunk: number): number {
    return chunk === this.lastChunk ? this.lastChunkMask : MASK_ALL;
  }

  /** The mask of `chunk`'s blocks that [startBytes, endBytes) (non-empty, inside the chunk) touches. */
  private blocksWithin(chunk: number, startBytes: number, endBytes: number): number {
    const chunkStartBytes = chunk * CHUNK_BYTES;
    return blockMask(Math.floor((startBytes - chunkStartBytes) / BLOCK_BYTES), Math.floor((endBytes - 1 - chunkStartBytes) / BLOCK_BYTES) + 1);
  }

  /** Adds blocks to a chunk's mask, keeping the bitmaps and counts true; returns how many were new. */
  private addBlocks(chunk: number, mask: number): number {
    if (this.fullChunks.get(chunk)) return 0;
    const fullMask = this.fullMaskOf(chunk);
    const before = this.partialMasks.get(chunk) ?? 0;
    const after = (before | mask) & fullMask;
    if (after === before) return 0;
    if (before === 0) {
      if (this.touchedChunks.count() === 0) firstWrites += 1;
      this.touchedChunks.set(chunk);
    }
    const beforeCount = popcount16(before);
    if (after === fullMask) {
      this.partialMasks.delete(chunk);
      this.fullChunks.set(chunk);
      this.partialBlocks -= beforeCount;
      return popcount16(fullMask) - beforeCount;
    }
    this.partialMasks.set(chunk, after);
    const afterCount = popcount16(after);
    this.partialBlocks += afterCount - beforeCount;
    return afterCount - beforeCount;
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
