// A volume kept in a sparse file of exactly its capacity: never-written space is a hole that costs
// no disk. Its allocation map (4 KiB blocks, allocation-map.ts) is persisted beside it as a base
// and an append-only journal (`<path>.alloc`, `<path>.alloc.log`: allocation-journal.ts).
//
// Durability. flush() first makes the data durable (fdatasync of the volume file), then appends
// the blocks allocated since the last flush to the journal and syncs it. So every block the
// persisted map calls allocated holds durable data. After a crash, a block first written since
// the last flush is not in the map: it reads as zeros even if some of its bytes reached the file,
// and the map is the one truth about what was written. For that to hold, the first write into a
// block also writes zeros over the rest of that block (to its 4 KiB edges, or the capacity), so
// stale bytes from a write lost in a crash can never surface: neither in that block, nor in the
// untouched blocks around it, which stay unallocated and read as zeros whatever the file holds.
// Overwrites of already-allocated blocks are durable after the next flush, like a disk's.
//
// Synchronous I/O on purpose: the engine runs in ticks, and one positioned read or write per
// allocated run keeps per-operation overhead to a syscall.
import assert from 'node:assert';
import fs from 'node:fs';
import { AllocationJournal } from './allocation-journal';
import { AllocationMap, AllocationMapStore, visitAllocationRuns } from './allocation-map';
import { fsyncDirectory, readFully, writeFully } from './file-io';
import { ALLOCATION_BLOCK_BYTES, checkRange, type VolumeStore } from './volume-store';

// Imported constants become getter calls once transpiled (tsx, esbuild); hot paths read a local.
const BLOCK_BYTES = ALLOCATION_BLOCK_BYTES;
const ZERO_BLOCK = new Uint8Array(BLOCK_BYTES);

export interface FileStoreOptions {
  /** The volume file; the allocation map is `${path}.alloc`. */
  path: string;
  capacityBytes: number;
  /** Journal size below which the allocation map is never compacted (tests set it low). */
  journalCompactMinBytes?: number;
}

export class FileStore extends AllocationMapStore implements VolumeStore {
  readonly path: string;
  private fd: number | null;
  private readonly journal: AllocationJournal;
  /** Writes so far, and how many of them the last finished fdatasync covered. */
  private writeGeneration = 0;
  private syncedGeneration = 0;
  private writtenBytes = 0;

  private constructor(filePath: string, fd: number, allocation: AllocationMap, journal: AllocationJournal) {
    super(allocation);
    this.path = filePath;
    this.fd = fd;
    this.journal = journal;
  }

  /** Opens the volume at options.path, creating an empty one when there is no file yet. */
  static open(options: FileStoreOptions): FileStore {
    const mapPath = mapPathOf(options.path);
    if (!fs.existsSync(options.path)) {
      // The empty map goes first: a crash before the data file exists leaves a volume that is
      // still consistent (nothing written), and the next open creates the file.
      if (AllocationJournal.recordsWrites(mapPath, options.capacityBytes)) {
        throw new Error(`volume file ${options.path} is missing but its allocation map records writes`);
      }
      const allocation = new AllocationMap(options.capacityBytes);
      const journal = AllocationJournal.create(mapPath, allocation, options.journalCompactMinBytes);
      let fd: number;
      try {
        fd = fs.openSync(options.path, 'wx+');
      } catch (error) {
        journal.close();
        throw error;
      }
      try {
        fs.ftruncateSync(fd, options.capacityBytes);
      } catch (error) {
        // E.g. EFBIG: ext4 holds files up to 16 TiB. Leave nothing behind for a volume that cannot exist.
        fs.closeSync(fd);
        journal.close();
        FileStore.remove(options.path);
        throw error;
      }
      fs.fsyncSync(fd);
      fsyncDirectory(options.path);
      return new FileStore(options.path, fd, allocation, journal);
    }
    const sizeBytes = fs.statSync(options.path).size;
    // The inventory grows a volume before its file (the growth is committed there first), so a
    // crash in between leaves a file smaller than the capacity: finish the growth now.
    if (sizeBytes < options.capacityBytes && fs.existsSync(mapPath)) {
      FileStore.growFiles(options.path, sizeBytes, options.capacityBytes);
    } else if (sizeBytes !== options.capacityBytes) {
      throw new Error(`volume file ${options.path} holds ${sizeBytes} bytes, expected capacity ${options.capacityBytes}`);
    }
    if (!fs.existsSync(mapPath)) {
      throw new Error(`volume file ${options.path} has no allocation map (${mapPath}): its contents cannot be trusted`);
    }
    const { journal, allocation } = AllocationJournal.open(mapPath, options.capacityBytes, options.journalCompactMinBytes);
    let fd: number;
    try {
      fd = fs.openSync(options.path, 'r+');
    } catch (error) {
      journal.close();
      throw error;
    }
    return new FileStore(options.path, fd, allocation, journal);
  }

  /** Extends the file (the new space is a hole) and its map to `capacityBytes`, durably. */
  private static growFiles(filePath: string, fromCapacityBytes: number, capacityBytes: number): void {
    const fd = fs.openSync(filePath, 'r+');
    try {
      fs.ftruncateSync(fd, capacityBytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    AllocationJournal.grow(mapPathOf(filePath), fromCapacityBytes, capacityBytes);
  }

  grow(capacityBytes: number): FileStore {
    assert(capacityBytes >= this.capacityBytes, 'a volume only grows');
    const fromCapacityBytes = this.capacityBytes;
    this.close();
    FileStore.growFiles(this.path, fromCapacityBytes, capacityBytes);
    return FileStore.open({ path: this.path, capacityBytes });
  }

  /** Deletes a closed volume's file and allocation map (any of them may already be gone). */
  static remove(filePath: string): void {
    fs.rmSync(filePath, { force: true });
    AllocationJournal.remove(mapPathOf(filePath));
  }

  read(offsetBytes: number, lengthBytes: number): Uint8Array {
    checkRange('read', this.capacityBytes, offsetBytes, lengthBytes);
    const buffer = new Uint8Array(lengthBytes);
    this.readInto(offsetBytes, buffer);
    return buffer;
  }

  readInto(offsetBytes: number, buffer: Uint8Array): void {
    const fd = this.openFd();
    checkRange('read', this.capacityBytes, offsetBytes, buffer.length);
    visitAllocationRuns(this.allocation, offsetBytes, buffer.length, (startBytes, endBytes, allocated) => {
      const target = buffer.subarray(startBytes - offsetBytes, endBytes - offsetBytes);
      if (allocated) readFully(fd, target, startBytes, this.path);
      else target.fill(0);
    });
  }

  write(offsetBytes: number, data: Uint8Array): void {
    const fd = this.openFd();
    checkRange('write', this.capacityBytes, offsetBytes, data.length);
    if (data.length === 0) return;
    const endBytes = offsetBytes + data.length;
    const [headBytes, tailBytes] = this.paddingOf(offsetBytes, endBytes);
    writeFully(fd, [ZERO_BLOCK.subarray(0, headBytes), data, ZERO_BLOCK.subarray(0, tailBytes)], offsetBytes - headBytes, this.path);
    this.writtenBytes += headBytes + data.length + tailBytes;
    this.writeGeneration += 1;
    if (this.allocation.allocate(offsetBytes, data.length) > 0) this.journal.record(offsetBytes, data.length);
  }

  /** Bytes written to the volume file since it was opened, zero padding included (for benchmarks). */
  fileBytesWritten(): number {
    return this.writtenBytes;
  }

  /** Data first, then the map: see the durability note at the top of this file. */
  flush(): void {
    const fd = this.openFd();
    // Synced even while a syncData() is in flight: its fdatasync may not have covered these writes yet.
    const generation = this.writeGeneration;
    if (this.syncedGeneration < generation) fs.fdatasyncSync(fd);
    this.syncedGeneration = Math.max(this.syncedGeneration, generation);
    if (this.journal.hasPending()) this.journal.persist(this.allocation);
  }

  /**
   * What flush() does, with the data's fdatasync on libuv's worker pool so the event loop takes in
   * more requests meanwhile (group commit of host writes). A write that allocated blocks also
   * needs them journaled, after the data: flush() then does that part (and syncs anything
   * written since).
   */
  async syncData(): Promise<void> {
    const fd = this.openFd();
    const generation = this.writeGeneration;
    if (this.syncedGeneration < generation) {
      await new Promise<void>((resolve, reject) => fs.fdatasync(fd, (error) => (error === null ? resolve() : reject(error))));
      this.syncedGeneration = Math.max(this.syncedGeneration, generation);
    }
    if (this.journal.hasPending()) this.flush();
  }

  close(): void {
    const fd = this.openFd();
    this.flush();
    fs.closeSync(fd);
    this.journal.close();
    this.fd = null;
  }

  /**
   * Zero bytes to write before and after [offsetBytes, endBytes) so that a block written for the
   * first time is written whole (see the durability note). Blocks strictly inside the range are
   * written whole anyway.
   */
  private paddingOf(offsetBytes: number, endBytes: number): [number, number] {
    const firstBlockStartBytes = Math.floor(offsetBytes / BLOCK_BYTES) * BLOCK_BYTES;
    const headBytes = this.allocation.isBlockAllocated(offsetBytes) ? 0 : offsetBytes - firstBlockStartBytes;
    const lastBlockEndBytes = Math.min((Math.floor((endBytes - 1) / BLOCK_BYTES) + 1) * BLOCK_BYTES, this.capacityBytes);
    const tailBytes = this.allocation.isBlockAllocated(endBytes - 1) ? 0 : lastBlockEndBytes - endBytes;
    assert(headBytes >= 0 && headBytes < BLOCK_BYTES && tailBytes >= 0 && tailBytes < BLOCK_BYTES);
    return [headBytes, tailBytes];
  }

  private openFd(): number {
    if (this.fd === null) assert.fail(`volume file ${this.path} is closed`);
    return this.fd;
  }
}

function mapPathOf(filePath: string): string {
  return `${filePath}.alloc`;
}
