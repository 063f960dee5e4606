// A volume's contents by byte offset. Never-written space reads as zeros and costs nothing; an
// allocation map at a fixed block size (4 KiB, grouped in 64 KiB chunks) says which blocks were
// ever written, so a copier can skip the rest. Implementations: MemoryStore (unit tests, simulations) and FileStore (the server).
//
// Offsets and lengths are plain numbers: capacities stay far below 2^53 bytes (the allocation map
// caps a volume at 128 TiB). Range errors are operating errors (a RangeError naming the request);
// the caller owns validation of host requests, the store re-checks so no bad I/O reaches the data.

/** The allocation map's grouping of blocks; grains (64 KiB or 256 KiB) are whole multiples of it. */
export const ALLOCATION_CHUNK_BYTES = 64 * 1024;
/**
 * Granularity of the allocation map: a host's 4 KiB write allocates (and a copy moves) 4 KiB, not
 * a whole chunk. A block's first write is padded with zeros to the block's edges.
 */
export const ALLOCATION_BLOCK_BYTES = 4 * 1024;
/** The largest single read or write, so one request can never allocate without bound. */
export const IO_BYTES_MAX = 256 * 1024 * 1024;

export interface VolumeStore {
  readonly capacityBytes: number;
  /** A new buffer with the bytes at [offsetBytes, offsetBytes + lengthBytes). */
  read(offsetBytes: number, lengthBytes: number): Uint8Array;
  /** Fills `buffer` with the bytes at offsetBytes (no allocation: for copy loops). */
  readInto(offsetBytes: number, buffer: Uint8Array): void;
  /** Stores `data` at offsetBytes and marks the blocks it touches as allocated. */
  write(offsetBytes: number, data: Uint8Array): void;
  /** True when any block overlapping [offsetBytes, offsetBytes + lengthBytes) was ever written. */
  isAllocated(offsetBytes: number, lengthBytes: number): boolean;
  /** The first offset >= fromBytes inside an allocated block, or -1. */
  nextAllocatedOffset(fromBytes: number): number;
  /** The first offset >= fromBytes inside a never-written block, or -1. */
  nextUnallocatedOffset(fromBytes: number): number;
  /** Bytes of capacity inside allocated blocks. */
  allocatedBytes(): number;
  /** Makes every completed write durable (a no-op in memory). */
  flush(): void;
  /** flush(), without holding the caller's thread while the data syncs (group commit of host writes). */
  syncData(): Promise<void>;
  /** Flushes and releases the store; any later call is a bug. */
  close(): void;
  /**
   * The same contents in a larger volume (the new space never written), as a new store; this one
   * is closed and must not be used again.
   */
  grow(capacityBytes: number): VolumeStore;
}

/** Throws a RangeError unless [offsetBytes, offsetBytes + lengthBytes) lies within the volume. */
export function checkRange(operation: string, capacityBytes: number, offsetBytes: number, lengthBytes: number, lengthMaxBytes: number = IO_BYTES_MAX): void {
  if (!Number.isSafeInteger(offsetBytes) || offsetBytes < 0) {
    throw new RangeError(`volume ${operation}: offset ${offsetBytes} is not a byte offset`);
  }
  if (!Number.isSafeInteger(lengthBytes) || lengthBytes < 0) {
    throw new RangeError(`volume ${operation}: length ${lengthBytes} is not a byte count`);
  }
  if (lengthBytes > lengthMaxBytes) {
    throw new RangeError(`volume ${operation}: ${lengthBytes} bytes exceed the ${lengthMaxBytes}-byte limit of one request`);
  }
  if (offsetBytes + lengthBytes > capacityBytes) {
    throw new RangeError(`volume ${operation}: ${lengthBytes} bytes at offset ${offsetBytes} exceed capacity ${capacityBytes}`);
  }
}
