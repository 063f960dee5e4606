// A volume held in memory, one buffer per written chunk: a 1 TiB volume with a few writes costs a
// few chunks (plus its two 2 MiB chunk bitmaps). For unit tests and in-memory simulations.
// Allocation is by block like the file store's, and a chunk buffer starts as zeros, so bytes of a
// block never written read as zeros here exactly as there.
import assert from 'node:assert';
import { AllocationMap, AllocationMapStore, visitAllocationRuns } from './allocation-map';
import { ALLOCATION_CHUNK_BYTES, checkRange, type VolumeStore } from './volume-store';

// Imported constants become getter calls once transpiled (tsx, esbuild); hot loops read a local.
const CHUNK_BYTES = ALLOCATION_CHUNK_BYTES;

export class MemoryStore extends AllocationMapStore implements VolumeStore {
  private readonly chunkByIndex = new Map<number, Uint8Array>();
  private closed = false;

  constructor(capacityBytes: number, allocation?: AllocationMap) {
    super(allocation ?? new AllocationMap(capacityBytes));
    assert(this.allocation.capacityBytes === capacityBytes);
  }

  grow(capacityBytes: number): MemoryStore {
    assert(!this.closed && capacityBytes >= this.capacityBytes, 'grow a closed store, or shrink');
    const grown = new MemoryStore(capacityBytes, this.allocation.grown(capacityBytes));
    for (const [index, chunk] of this.chunkByIndex) {
      // The old last chunk may be short; in the grown volume it may not be (the new bytes are zeros).
      const lengthBytes = Math.min(CHUNK_BYTES, capacityBytes - index * CHUNK_BYTES);
      let buffer = chunk;
      if (chunk.length !== lengthBytes) {
        buffer = new Uint8Array(lengthBytes);
        buffer.set(chunk);
      }
      grown.chunkByIndex.set(index, buffer);
    }
    this.closed = true;
    return grown;
  }

  read(offsetBytes: number, lengthBytes: number): Uint8Array {
    checkRange('read', this.capacityBytes, offsetBytes, lengthBytes);
    const buffer = new Uint8Array(lengthBytes);
    this.readInto(offsetBytes, buffer);
    return buffer;
  }

  readInto(offsetBytes: number, buffer: Uint8Array): void {
    assert(!this.closed, 'read from a closed store');
    checkRange('read', this.capacityBytes, offsetBytes, buffer.length);
    visitAllocationRuns(this.allocation, offsetBytes, buffer.length, (startBytes, endBytes, allocated) => {
      const target = buffer.subarray(startBytes - offsetBytes, endBytes - offsetBytes);
      if (allocated) this.copyOut(startBytes, target);
      else target.fill(0);
    });
  }

  write(offsetBytes: number, data: Uint8Array): void {
    assert(!this.closed, 'write to a closed store');
    checkRange('write', this.capacityBytes, offsetBytes, data.length);
    if (data.length === 0) return;
    const endBytes = offsetBytes + data.length;
    const chunkFirst = Math.floor(offsetBytes / CHUNK_BYTES);
    const chunkLast = Math.floor((endBytes - 1) / CHUNK_BYTES);
    for (let chunk = chunkFirst; chunk <= chunkLast; chunk += 1) {
      const chunkStartBytes = chunk * CHUNK_BYTES;
      const startBytes = Math.max(offsetBytes, chunkStartBytes);
      const stopBytes = Math.min(endBytes, chunkStartBytes + CHUNK_BYTES);
      this.chunkFor(chunk).set(data.subarray(startBytes - offsetBytes, stopBytes - offsetBytes), startBytes - chunkStartBytes);
    }
    this.allocation.allocate(offsetBytes, data.length);
    assert(this.chunkByIndex.size === this.allocation.touchedChunks.count());
  }

  syncData(): Promise<void> {
    assert(!this.closed, 'sync of a closed store');
    return Promise.resolve();
  }

  flush(): void {
    assert(!this.closed, 'flush of a closed store');
  }

  close(): void {
    assert(!this.closed, 'store closed twice');
    this.closed = true;
    this.chunkByIndex.clear();
  }

  /** Copies allocated bytes starting at startBytes into target, chunk by chunk. */
  private copyOut(startBytes: number, target: Uint8Array): void {
    let doneBytes = 0;
    for (let chunk = Math.floor(startBytes / CHUNK_BYTES); doneBytes < target.length; chunk += 1) {
      const source = this.chunkByIndex.get(chunk);
      assert(source !== undefined, 'allocated chunk has no buffer');
      const withinBytes = startBytes + doneBytes - chunk * CHUNK_BYTES;
      const pieceBytes = Math.min(source.length - withinBytes, target.length - doneBytes);
      assert(pieceBytes > 0);
      target.set(source.subarray(withinBytes, withinBytes + pieceBytes), doneBytes);
      doneBytes += pieceBytes;
    }
  }

  private chunkFor(chunk: number): Uint8Array {
    const existing = this.chunkByIndex.get(chunk);
    if (existing !== undefined) return existing;
    const chunkStartBytes = chunk * CHUNK_BYTES;
    const created = new Uint8Array(Math.min(CHUNK_BYTES, this.capacityBytes - chunkStartBytes));
    this.chunkByIndex.set(chunk, created);
    return created;
  }
}
