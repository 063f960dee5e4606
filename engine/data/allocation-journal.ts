// The durable form of a volume's allocation map (allocation-map.ts), in two files beside the volume:
//
//   `<volume>.alloc`      the base: a serialized GrainBitmap of the chunks written through (every
//                         block allocated). This is exactly the format and meaning of the map before
//                         block granularity, so an old data dir opens as is: its map is a base with
//                         an empty journal (the journal is created on first open).
//   `<volume>.alloc.log`  the journal: block ranges allocated since the base was written, appended
//                         in one checksummed batch per flush.
//
// Why a journal: rewriting the whole map on every flush costs O(capacity) (2 MiB for 1 TiB at
// chunk granularity, 32 MiB at block granularity) even when one 4 KiB block changed. Appending the
// ranges a flush adds costs O(what was written). When the journal has grown past twice what its last
// compaction wrote, base and journal together (and at least JOURNAL_COMPACT_MIN_BYTES), it is compacted: the
// base is replaced with the current full chunks, then the journal with the block runs of chunks
// only partly written. Each compaction is paid for by at least as many bytes appended since the
// last one, so the cost per flush stays proportional to what the flush added.
//
// Crash safety. Allocation only ever grows, and every record means "these blocks hold durable
// data", so the map is the union of the base and the journal's batches, and any mix of old and new
// files a crash can leave (a new base with the old journal, during a compaction) describes a state
// between the last completed flush and the current one. A batch is written after the data it
// describes is fdatasync'ed, and is valid only whole: a torn or unchecked batch at the tail (a
// crash during the append) is dropped, and the journal is cut back to its valid length on open.
//
// Batch layout (little-endian): magic u32 "GRAJ" | version u8 | reserved u8×3 = 0 | rangeCount u32 |
// crc32 u32 (of the header's first 12 bytes, then the ranges) | rangeCount × (firstBlock u64 as two
// u32 halves, low first | endBlock u64, likewise). Blocks are ALLOCATION_BLOCK_BYTES counted from
// offset 0; a range's end may pass the capacity only within its last block.
import assert from 'node:assert';
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { AllocationMap, chunkCountOf } from './allocation-map';
import { fsyncDirectory, replaceFile, writeFully } from './file-io';
import { GrainBitmap, GrainBitmapFormatError } from './grain-bitmap';
import { ALLOCATION_BLOCK_BYTES } from './volume-store';

const BATCH_MAGIC = 0x4a41_5247; // "GRAJ" read as a little-endian u32
const BATCH_VERSION = 1;
const BATCH_HEADER_BYTES = 16;
const RANGE_BYTES = 16;
/** Ranges per batch when a compaction rewrites many partial chunks, so no single buffer grows without bound. */
const BATCH_RANGES_MAX = 65_536;
/** Below this the journal is never compacted: replaying 1 MiB (65,536 ranges) on open costs little. */
export const JOURNAL_COMPACT_MIN_BYTES = 1024 * 1024;
const U32 = 2 ** 32;
// Imported constants become getter calls once transpiled (tsx, esbuild); hot paths read a local.
const BLOCK_BYTES = ALLOCATION_BLOCK_BYTES;

export function journalPathOf(mapPath: string): string {
  return `${mapPath}.log`;
}

/** The map as persisted: base and journal replayed, and how much of the journal file is valid. */
interface Persisted {
  allocation: AllocationMap;
  journalExists: boolean;
  journalValidBytes: number;
  journalFileBytes: number;
  baseBytes: number;
}

export class AllocationJournal {
  readonly mapPath: string;
  /**
   * No descriptor is held between persists: each one opens the journal, appends, fdatasyncs and
   * closes, so a write error is reported on the descriptor that wrote. Holding one per volume,
   * beside the data file's, put a fleet of 10,000 volumes past the process's 20,000 open files
   * (#16); an open costs microseconds beside the fdatasync.
   */
  private closed = false;
  /** Bytes of valid batches in the journal file: where the next batch goes. */
  private sizeBytes: number;
  private compactAtBytes: number;
  private readonly compactMinBytes: number;
  /** Block ranges allocated since the last persist, flat [first, end, first, end, …], adjacent ones merged. */
  private pending: number[] = [];

  private constructor(mapPath: string, sizeBytes: number, baseBytes: number, compactMinBytes: number) {
    this.mapPath = mapPath;
    this.sizeBytes = sizeBytes;
    this.compactMinBytes = compactMinBytes;
    this.compactAtBytes = this.nextCompactionBytes(sizeBytes, baseBytes);
  }

  /** Persists `empty` (a new volume's map, nothing allocated); refuses to replace a map that records writes. */
  static create(mapPath: string, empty: AllocationMap, compactMinBytes = JOURNAL_COMPACT_MIN_BYTES): AllocationJournal {
    assert(empty.allocatedBytes() === 0, 'a new volume has nothing allocated');
    if (AllocationJournal.recordsWrites(mapPath, empty.capacityBytes)) {
      throw new Error(`allocation map ${mapPath} already records writes`);
    }
    const base = empty.fullChunks.serialize();
    replaceFile(mapPath, [base]);
    replaceFile(journalPathOf(mapPath), []);
    return new AllocationJournal(mapPath, 0, base.length, compactMinBytes);
  }

  /** The persisted map and a journal to append to; a torn tail left by a crash is cut off first. */
  static open(mapPath: string, capacityBytes: number, compactMinBytes = JOURNAL_COMPACT_MIN_BYTES): { journal: AllocationJournal; allocation: AllocationMap } {
    const persisted = readPersisted(mapPath, capacityBytes);
    const journalPath = journalPathOf(mapPath);
    const fd = fs.openSync(journalPath, persisted.journalExists ? 'r+' : 'wx+');
    try {
      if (!persisted.journalExists) {
        fs.fsyncSync(fd);
        fsyncDirectory(journalPath);
      } else if (persisted.journalValidBytes < persisted.journalFileBytes) {
        fs.ftruncateSync(fd, persisted.journalValidBytes);
        fs.fsyncSync(fd);
      }
    } finally {
      fs.closeSync(fd);
    }
    const journal = new AllocationJournal(mapPath, persisted.journalValidBytes, persisted.baseBytes, compactMinBytes);
    return { journal, allocation: persisted.allocation };
  }

  /** Whether the files at mapPath record any write (a missing map records none). */
  static recordsWrites(mapPath: string, capacityBytes: number): boolean {
    if (!fs.existsSync(mapPath)) return false;
    return readPersisted(mapPath, capacityBytes).allocation.allocatedBytes() > 0;
  }

  /**
   * Rewrites the persisted map of a volume grown from `fromCapacityBytes` to `capacityBytes` (the
   * same blocks allocated, the new ones not: AllocationMap.grown), compacted.
   */
  static grow(mapPath: string, fromCapacityBytes: number, capacityBytes: number): void {
    const persisted = readPersisted(mapPath, fromCapacityBytes);
    writeCompacted(mapPath, persisted.allocation.grown(capacityBytes));
  }

  /** Deletes the persisted map (its files may already be gone). */
  static remove(mapPath: string): void {
    for (const filePath of [mapPath, `${mapPath}.tmp`, journalPathOf(mapPath), `${journalPathOf(mapPath)}.tmp`]) fs.rmSync(filePath, { force: true });
  }

  /** Notes that a write allocated blocks in [offsetBytes, offsetBytes + lengthBytes); persist() makes it durable. */
  record(offsetBytes: number, lengthBytes: number): void {
    assert(lengthBytes > 0);
    const firstBlock = Math.floor(offsetBytes / BLOCK_BYTES);
    const endBlock = Math.floor((offsetBytes + lengthBytes - 1) / BLOCK_BYTES) + 1;
    const last = this.pending.length - 2;
    // Sequential writes (a dense copy, a host streaming) become one range.
    if (last >= 0 && firstBlock <= this.pending[last + 1]! && endBlock >= this.pending[last]!) {
      this.pending[last] = Math.min(this.pending[last]!, firstBlock);
      this.pending[last + 1] = Math.max(this.pending[last + 1]!, endBlock);
    } else {
      this.pending.push(firstBlock, endBlock);
    }
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Appends the ranges recorded since the last persist as one batch and makes it durable; the
   * caller has made the data they describe durable first. Compacts when due (see the top).
   */
  persist(allocation: AllocationMap): void {
    this.assertOpen();
    if (this.pending.length === 0) return;
    const batch = encodeBatch(this.pending, 0, this.pending.length / 2);
    const journalPath = journalPathOf(this.mapPath);
    const fd = fs.openSync(journalPath, 'r+');
    try {
      // A failed write leaves sizeBytes and the pending ranges as they were: the next persist overwrites the partial batch.
      writeFully(fd, [batch], this.sizeBytes, journalPath);
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.sizeBytes += batch.length;
    this.pending = [];
    if (this.sizeBytes >= this.compactAtBytes) this.compact(allocation);
  }

  close(): void {
    this.assertOpen();
    this.closed = true;
  }

  private compact(allocation: AllocationMap): void {
    const { baseBytes, journalBytes } = writeCompacted(this.mapPath, allocation);
    this.sizeBytes = journalBytes;
    this.compactAtBytes = this.nextCompactionBytes(journalBytes, baseBytes);
  }

  /** The journal size that triggers the next compaction, after one that left these sizes. */
  private nextCompactionBytes(journalBytes: number, baseBytes: number): number {
    return Math.max(this.compactMinBytes, 2 * (journalBytes + baseBytes));
  }

  private assertOpen(): void {
    if (this.closed) assert.fail(`allocation journal of ${this.mapPath} is closed`);
  }
}

/** Replaces the base with the full chunks, then the journal with the partial chunks' block runs. */
function writeCompacted(mapPath: string, allocation: AllocationMap): { baseBytes: number; journalBytes: number } {
  const base = allocation.fullChunks.serialize();
  replaceFile(mapPath, [base]);
  const ranges: number[] = [];
  allocation.visitPartialBlockRuns((firstBlock, endBlock) => ranges.push(firstBlock, endBlock));
  const batches: Uint8Array[] = [];
  const rangeCount = ranges.length / 2;
  for (let first = 0; first < rangeCount; first += BATCH_RANGES_MAX) batches.push(encodeBatch(ranges, first, Math.min(rangeCount, first + BATCH_RANGES_MAX)));
  replaceFile(journalPathOf(mapPath), batches);
  return { baseBytes: base.length, journalBytes: batches.reduce((sum, batch) => sum + batch.length, 0) };
}

function loadBase(mapPath: string, capacityBytes: number): GrainBitmap {
  let chunks: GrainBitmap;
  try {
    chunks = GrainBitmap.deserialize(fs.readFileSync(mapPath));
  } catch (error) {
    if (!(error instanceof GrainBitmapFormatError)) throw error;
    throw new Error(`allocation map ${mapPath} is damaged: ${error.message}`);
  }
  if (chunks.grainCount !== chunkCountOf(capacityBytes)) {
    throw new Error(`allocation map ${mapPath} covers ${chunks.grainCount} chunks, capacity ${capacityBytes} needs ${chunkCountOf(capacityBytes)}`);
  }
  return chunks;
}

function readPersisted(mapPath: string, capacityBytes: number): Persisted {
  const base = loadBase(mapPath, capacityBytes);
  const allocation = new AllocationMap(capacityBytes, base);
  const journalPath = journalPathOf(mapPath);
  const journalExists = fs.existsSync(journalPath);
  const journal = journalExists ? fs.readFileSync(journalPath) : new Uint8Array(0);
  const journalValidBytes = replay(journal, allocation, journalPath);
  return { allocation, journalExists, journalValidBytes, journalFileBytes: journal.length, baseBytes: fs.statSync(mapPath).size };
}

function encodeBatch(ranges: readonly number[], firstRange: number, endRange: number): Uint8Array {
  const rangeCount = endRange - firstRange;
  const bytes = new Uint8Array(BATCH_HEADER_BYTES + rangeCount * RANGE_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, BATCH_MAGIC, true);
  view.setUint8(4, BATCH_VERSION);
  view.setUint32(8, rangeCount, true);
  for (let range = 0; range < rangeCount; range += 1) {
    const at = BATCH_HEADER_BYTES + range * RANGE_BYTES;
    for (const [index, block] of [ranges[2 * (firstRange + range)]!, ranges[2 * (firstRange + range) + 1]!].entries()) {
      view.setUint32(at + 8 * index, block % U32, true);
      view.setUint32(at + 8 * index + 4, Math.floor(block / U32), true);
    }
  }
  view.setUint32(12, crc32(bytes.subarray(BATCH_HEADER_BYTES), crc32(bytes.subarray(0, 12))), true);
  return bytes;
}

/**
 * Applies the journal's valid batches to `allocation`; returns the bytes they span. Stops at the
 * first batch that is short, lacks the magic or fails its checksum (a torn append). A checked batch
 * naming blocks outside the volume is damage, not a torn write: that throws.
 */
function replay(journal: Uint8Array, allocation: AllocationMap, journalPath: string): number {
  const view = new DataView(journal.buffer, journal.byteOffset, journal.length);
  const blockCount = Math.ceil(allocation.capacityBytes / BLOCK_BYTES);
  let positionBytes = 0;
  while (positionBytes + BATCH_HEADER_BYTES <= journal.length) {
    if (view.getUint32(positionBytes, true) !== BATCH_MAGIC) break;
    // Cutting off a batch of a format this code does not know would lose data: refuse instead.
    const version = view.getUint8(positionBytes + 4);
    if (version !== BATCH_VERSION) throw new Error(`allocation journal ${journalPath} has a batch of version ${version}, this build reads ${BATCH_VERSION}`);
    const rangeCount = view.getUint32(positionBytes + 8, true);
    const endBytes = positionBytes + BATCH_HEADER_BYTES + rangeCount * RANGE_BYTES;
    if (endBytes > journal.length) break;
    const header = journal.subarray(positionBytes, positionBytes + 12);
    if (crc32(journal.subarray(positionBytes + BATCH_HEADER_BYTES, endBytes), crc32(header)) !== view.getUint32(positionBytes + 12, true)) break;
    for (let at = positionBytes + BATCH_HEADER_BYTES; at < endBytes; at += RANGE_BYTES) {
      const firstBlock = view.getUint32(at, true) + view.getUint32(at + 4, true) * U32;
      const endBlock = view.getUint32(at + 8, true) + view.getUint32(at + 12, true) * U32;
      if (!(firstBlock < endBlock && endBlock <= blockCount)) {
        throw new Error(`allocation journal ${journalPath} is damaged: blocks [${firstBlock}, ${endBlock}) are outside the volume's ${blockCount}`);
      }
      const startBytes = firstBlock * BLOCK_BYTES;
      allocation.allocate(startBytes, Math.min(endBlock * BLOCK_BYTES, allocation.capacityBytes) - startBytes);
    }
    positionBytes = endBytes;
  }
  return positionBytes;
}
