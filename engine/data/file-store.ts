// A volume kept in a sparse file of exactly its capacity: never-written space is a hole that costs
// no disk. Its allocation map lives beside it (`<path>.alloc`, a serialized GrainBitmap).
//
// Durability. flush() first makes the data durable (fdatasync of the volume file), then persists
// the allocation map (write `<path>.alloc.tmp`, fsync, rename over `<path>.alloc`, fsync the
// directory). So every chunk a persisted map calls allocated holds durable data. After a crash, a
// chunk first written since the last flush is not in the map: it reads as zeros even if some of
// its bytes reached the file, and the map is the one truth about what was written. For that to
// hold, the first write into a chunk also writes zeros over the rest of that chunk, so stale
// bytes from a write lost in a crash can never surface. Overwrites of already-allocated chunks are
// durable after the next flush, like a disk's.
//
// Synchronous I/O on purpose: the engine runs in ticks, and one positioned read or write per
// allocated run keeps per-operation overhead to a syscall.
import assert from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { AllocationMap, AllocationMapStore, chunkCountOf, grownChunks, visitAllocationRuns } from './allocation-map';
import { GrainBitmap, GrainBitmapFormatError } from './grain-bitmap';
import { ALLOCATION_CHUNK_BYTES, checkRange, type VolumeStore } from './volume-store';

/** Partial reads and writes of a regular file are rare; this bounds the retry loops. */
const IO_ATTEMPTS_MAX = 1_024;
const ZERO_CHUNK = new Uint8Array(ALLOCATION_CHUNK_BYTES);

export interface FileStoreOptions {
  /** The volume file; the allocation map is `${path}.alloc`. */
  path: string;
  capacityBytes: number;
}

export class FileStore extends AllocationMapStore implements VolumeStore {
  readonly path: string;
  private fd: number | null;
  /** Writes so far, and how many of them the last finished fdatasync covered. */
  private writeGeneration = 0;
  private syncedGeneration = 0;
  private mapDirty = false;

  private constructor(filePath: string, fd: number, allocation: AllocationMap) {
    super(allocation);
    this.path = filePath;
    this.fd = fd;
  }

  /** Opens the volume at options.path, creating an empty one when there is no file yet. */
  static open(options: FileStoreOptions): FileStore {
    const allocation = new AllocationMap(options.capacityBytes);
    const mapPath = mapPathOf(options.path);
    if (!fs.existsSync(options.path)) {
      // The empty map goes first: a crash before the data file exists leaves a volume that is
      // still consistent (nothing written), and the next open creates the file.
      if (fs.existsSync(mapPath) && loadMap(mapPath, options.capacityBytes).chunks.count() > 0) {
        throw new Error(`volume file ${options.path} is missing but its allocation map records writes`);
      }
      persistMap(mapPath, allocation.chunks);
      const fd = fs.openSync(options.path, 'wx+');
      try {
        fs.ftruncateSync(fd, options.capacityBytes);
      } catch (error) {
        // E.g. EFBIG: ext4 holds files up to 16 TiB. Leave nothing behind for a volume that cannot exist.
        fs.closeSync(fd);
        FileStore.remove(options.path);
        throw error;
      }
      fs.fsyncSync(fd);
      fsyncDirectory(options.path);
      return new FileStore(options.path, fd, allocation);
    }
    const sizeBytes = fs.statSync(options.path).size;
    // The inventory grows a volume before its file (the growth is committed there first), so a
    // crash in between leaves a file smaller than the capacity: finish the growth now.
    if (sizeBytes < options.capacityBytes && fs.existsSync(mapPath)) {
      FileStore.growFiles(options.path, loadMap(mapPath, sizeBytes).chunks, options.capacityBytes);
    } else if (sizeBytes !== options.capacityBytes) {
      throw new Error(`volume file ${options.path} holds ${sizeBytes} bytes, expected capacity ${options.capacityBytes}`);
    }
    if (!fs.existsSync(mapPath)) {
      throw new Error(`volume file ${options.path} has no allocation map (${mapPath}): its contents cannot be trusted`);
    }
    const loaded = loadMap(mapPath, options.capacityBytes);
    return new FileStore(options.path, fs.openSync(options.path, 'r+'), loaded);
  }

  /** Extends the file (the new space is a hole) and its map to `capacityBytes`, durably. */
  private static growFiles(filePath: string, chunks: GrainBitmap, capacityBytes: number): void {
    const fd = fs.openSync(filePath, 'r+');
    try {
      fs.ftruncateSync(fd, capacityBytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    persistMap(mapPathOf(filePath), grownChunks(chunks, capacityBytes));
  }

  grow(capacityBytes: number): FileStore {
    assert(capacityBytes >= this.capacityBytes, 'a volume only grows');
    this.close();
    FileStore.growFiles(this.path, this.allocation.chunks, capacityBytes);
    return FileStore.open({ path: this.path, capacityBytes });
  }

  /** Deletes a closed volume's file and allocation map (both may already be gone). */
  static remove(filePath: string): void {
    fs.rmSync(filePath, { force: true });
    fs.rmSync(mapPathOf(filePath), { force: true });
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
    writeFully(fd, [ZERO_CHUNK.subarray(0, headBytes), data, ZERO_CHUNK.subarray(0, tailBytes)], offsetBytes - headBytes, this.path);
    this.writeGeneration += 1;
    if (this.allocation.allocate(offsetBytes, data.length) > 0) this.mapDirty = true;
  }

  /** Data first, then the map: see the durability note at the top of this file. */
  flush(): void {
    const fd = this.openFd();
    // Synced even while a syncData() is in flight: its fdatasync may not have covered these writes yet.
    const generation = this.writeGeneration;
    if (this.syncedGeneration < generation) fs.fdatasyncSync(fd);
    this.syncedGeneration = Math.max(this.syncedGeneration, generation);
    if (this.mapDirty) persistMap(mapPathOf(this.path), this.allocation.chunks);
    this.mapDirty = false;
  }

  /**
   * What flush() does, with the data's fdatasync on libuv's worker pool so the event loop takes in
   * more requests meanwhile (group commit of host writes). A write that allocated a chunk also
   * needs the map persisted, after the data: flush() then does that part (and syncs anything
   * written since).
   */
  async syncData(): Promise<void> {
    const fd = this.openFd();
    const generation = this.writeGeneration;
    if (this.syncedGeneration < generation) {
      await new Promise<void>((resolve, reject) => fs.fdatasync(fd, (error) => (error === null ? resolve() : reject(error))));
      this.syncedGeneration = Math.max(this.syncedGeneration, generation);
    }
    if (this.mapDirty) this.flush();
  }

  close(): void {
    const fd = this.openFd();
    this.flush();
    fs.closeSync(fd);
    this.fd = null;
  }

  /**
   * Zero bytes to write before and after [offsetBytes, endBytes) so that a chunk written for the
   * first time is written whole (see the durability note).
   */
  private paddingOf(offsetBytes: number, endBytes: number): [number, number] {
    const chunkFirst = Math.floor(offsetBytes / ALLOCATION_CHUNK_BYTES);
    const chunkLast = Math.floor((endBytes - 1) / ALLOCATION_CHUNK_BYTES);
    const headBytes = this.allocation.isChunkAllocated(chunkFirst) ? 0 : offsetBytes - chunkFirst * ALLOCATION_CHUNK_BYTES;
    const chunkLastEndBytes = Math.min((chunkLast + 1) * ALLOCATION_CHUNK_BYTES, this.capacityBytes);
    const tailBytes = this.allocation.isChunkAllocated(chunkLast) ? 0 : chunkLastEndBytes - endBytes;
    assert(headBytes >= 0 && headBytes < ALLOCATION_CHUNK_BYTES && tailBytes >= 0 && tailBytes < ALLOCATION_CHUNK_BYTES);
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

function loadMap(mapPath: string, capacityBytes: number): AllocationMap {
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
  return new AllocationMap(capacityBytes, chunks);
}

/** Replaces the map file atomically: a reader sees the old map or the new one, never a mix. */
function persistMap(mapPath: string, chunks: GrainBitmap): void {
  const temporaryPath = `${mapPath}.tmp`;
  const fd = fs.openSync(temporaryPath, 'w');
  try {
    writeFully(fd, [chunks.serialize()], 0, temporaryPath);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporaryPath, mapPath);
  fsyncDirectory(mapPath);
}

function fsyncDirectory(filePath: string): void {
  const fd = fs.openSync(path.dirname(filePath), 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readFully(fd: number, target: Uint8Array, positionBytes: number, filePath: string): void {
  let doneBytes = 0;
  for (let attempt = 0; doneBytes < target.length; attempt += 1) {
    assert(attempt < IO_ATTEMPTS_MAX, 'reads keep coming back short');
    const readBytes = fs.readSync(fd, target, doneBytes, target.length - doneBytes, positionBytes + doneBytes);
    if (readBytes === 0) throw new Error(`volume file ${filePath} ends before offset ${positionBytes + doneBytes}`);
    doneBytes += readBytes;
  }
}

/** One gathered write of `buffers` at positionBytes, finishing any short write. */
function writeFully(fd: number, buffers: Uint8Array[], positionBytes: number, filePath: string): void {
  const pending = buffers.filter((buffer) => buffer.length > 0);
  let doneBytes = 0;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt >= IO_ATTEMPTS_MAX) assert.fail(`writes to ${filePath} keep coming back short`);
    let writtenBytes = fs.writevSync(fd, pending, positionBytes + doneBytes);
    doneBytes += writtenBytes;
    // Drop what was written: whole buffers, then the written front of the next one.
    while (pending.length > 0 && writtenBytes >= pending[0]!.length) writtenBytes -= pending.shift()!.length;
    if (writtenBytes > 0) pending[0] = pending[0]!.subarray(writtenBytes);
  }
}
