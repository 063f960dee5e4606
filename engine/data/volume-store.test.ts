// The contract every VolumeStore keeps, run against the memory store and the file store alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from './file-store';
import { MemoryStore } from './memory-store';
import { Prng } from './prng';
import { ALLOCATION_BLOCK_BYTES, ALLOCATION_CHUNK_BYTES, IO_BYTES_MAX, type VolumeStore } from './volume-store';

const CHUNK = ALLOCATION_CHUNK_BYTES;
const BLOCK = ALLOCATION_BLOCK_BYTES;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-store-contract-'));
let fileIndex = 0;

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const factories: [string, (capacityBytes: number) => VolumeStore][] = [
  ['MemoryStore', (capacityBytes) => new MemoryStore(capacityBytes)],
  ['FileStore', (capacityBytes) => FileStore.open({ path: path.join(directory, `volume-${(fileIndex += 1)}.img`), capacityBytes })],
];

/** Byte-for-byte equality without a per-element deep compare (which is slow on large buffers). */
function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return Buffer.from(left.buffer, left.byteOffset, left.length).equals(right);
}

function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  new Prng(seed).fill(bytes);
  return bytes;
}

describe.each(factories)('%s keeps the volume store contract', (_name, create) => {
  it('reads never-written space as zeros and allocates nothing', () => {
    const store = create(10 * CHUNK);
    expect(store.capacityBytes).toBe(10 * CHUNK);
    expect(sameBytes(store.read(0, 10 * CHUNK), new Uint8Array(10 * CHUNK))).toBe(true);
    expect(store.allocatedBytes()).toBe(0);
    expect(store.isAllocated(0, 10 * CHUNK)).toBe(false);
    expect(store.nextAllocatedOffset(0)).toBe(-1);
    expect(store.nextUnallocatedOffset(5)).toBe(5);
    store.close();
  });

  it('reads back what was written, across chunk edges, with zeros around it', () => {
    const store = create(4 * CHUNK);
    const data = bytesOf(CHUNK + 100, 1);
    store.write(CHUNK - 50, data);
    expect(sameBytes(store.read(CHUNK - 50, data.length), data)).toBe(true);
    const around = store.read(CHUNK - 60, data.length + 20);
    expect(around.subarray(0, 10).every((byte) => byte === 0)).toBe(true);
    expect(sameBytes(around.subarray(10, 10 + data.length), data)).toBe(true);
    expect(around.subarray(10 + data.length).every((byte) => byte === 0)).toBe(true);
    store.write(CHUNK, new Uint8Array([7, 8, 9]));
    expect(Array.from(store.read(CHUNK - 1, 5))).toEqual([data[49], 7, 8, 9, data[53]]);
    store.close();
  });

  it('tracks allocation by 4 KiB block', () => {
    const store = create(8 * CHUNK);
    store.write(CHUNK + 10, new Uint8Array([1]));
    store.write(3 * CHUNK - 1, new Uint8Array([2, 3]));
    // Blocks 16, 47 and 48: one in chunk 1, the last of chunk 2, the first of chunk 3.
    expect(store.allocatedBytes()).toBe(3 * BLOCK);
    expect(store.isAllocated(0, CHUNK)).toBe(false);
    expect(store.isAllocated(CHUNK - 1, 2)).toBe(true);
    expect(store.isAllocated(CHUNK + BLOCK, CHUNK - 2 * BLOCK)).toBe(false);
    expect(store.isAllocated(CHUNK + BLOCK, 2 * CHUNK - BLOCK)).toBe(true);
    expect(store.isAllocated(3 * CHUNK + BLOCK, CHUNK)).toBe(false);
    expect(store.isAllocated(4 * CHUNK, 4 * CHUNK)).toBe(false);
    expect(store.isAllocated(0, 8 * CHUNK)).toBe(true);
    expect(store.isAllocated(CHUNK, 0)).toBe(false);
    expect(store.nextAllocatedOffset(0)).toBe(CHUNK);
    expect(store.nextAllocatedOffset(CHUNK + 5)).toBe(CHUNK + 5);
    expect(store.nextAllocatedOffset(CHUNK + BLOCK)).toBe(3 * CHUNK - BLOCK);
    expect(store.nextUnallocatedOffset(CHUNK)).toBe(CHUNK + BLOCK);
    expect(store.nextUnallocatedOffset(3 * CHUNK - BLOCK)).toBe(3 * CHUNK + BLOCK);
    expect(store.nextAllocatedOffset(3 * CHUNK + BLOCK)).toBe(-1);
    expect(store.nextAllocatedOffset(8 * CHUNK)).toBe(-1);
    store.write(CHUNK, new Uint8Array(CHUNK)); // fills chunk 1 around its allocated block
    expect(store.allocatedBytes()).toBe(CHUNK + 2 * BLOCK);
    expect(store.nextUnallocatedOffset(CHUNK)).toBe(2 * CHUNK);
    store.close();
  });

  it('handles a capacity that ends inside a chunk and inside a block', () => {
    const capacityBytes = 2 * CHUNK + BLOCK + 1000;
    const store = create(capacityBytes);
    store.write(capacityBytes - 3, new Uint8Array([4, 5, 6]));
    expect(Array.from(store.read(capacityBytes - 4, 4))).toEqual([0, 4, 5, 6]);
    expect(store.allocatedBytes()).toBe(1000);
    expect(store.nextUnallocatedOffset(2 * CHUNK + BLOCK)).toBe(-1);
    expect(store.nextUnallocatedOffset(2 * CHUNK)).toBe(2 * CHUNK);
    store.write(2 * CHUNK, new Uint8Array([1]));
    expect(store.allocatedBytes()).toBe(BLOCK + 1000);
    expect(store.nextUnallocatedOffset(2 * CHUNK)).toBe(-1);
    store.write(0, new Uint8Array([1]));
    expect(store.allocatedBytes()).toBe(2 * BLOCK + 1000);
    store.close();
  });

  it('rejects out-of-bounds and malformed requests with clear errors, changing nothing', () => {
    const store = create(CHUNK);
    expect(() => store.read(CHUNK - 1, 2)).toThrow(new RangeError('volume read: 2 bytes at offset 65535 exceed capacity 65536'));
    expect(() => store.write(CHUNK, new Uint8Array(1))).toThrow(/volume write: 1 bytes at offset 65536 exceed capacity/);
    expect(() => store.read(-1, 1)).toThrow(/offset -1 is not a byte offset/);
    expect(() => store.read(0.5, 1)).toThrow(RangeError);
    expect(() => store.read(0, -1)).toThrow(/length -1 is not a byte count/);
    expect(() => store.read(0, IO_BYTES_MAX + 1)).toThrow(/limit of one request/);
    expect(() => store.isAllocated(0, CHUNK + 1)).toThrow(/exceed capacity/);
    expect(store.allocatedBytes()).toBe(0);
    expect(store.read(0, 0)).toEqual(new Uint8Array(0));
    store.write(0, new Uint8Array(0));
    expect(store.allocatedBytes()).toBe(0);
    store.close();
  });

  it('neither aliases the caller’s buffers nor lets a read buffer change the volume', () => {
    const store = create(CHUNK);
    const data = new Uint8Array([1, 2, 3]);
    store.write(0, data);
    data[0] = 99;
    const read = store.read(0, 3);
    read[1] = 99;
    expect(Array.from(store.read(0, 3))).toEqual([1, 2, 3]);
    const into = new Uint8Array(5).fill(42);
    store.readInto(1, into);
    expect(Array.from(into)).toEqual([2, 3, 0, 0, 0]);
    store.close();
  });

  it('matches a byte-array model over seeded random writes and reads', () => {
    for (let seed = 0; seed < 4; seed += 1) {
      const prng = new Prng(seed);
      const capacityBytes = 16 * CHUNK + prng.int(CHUNK);
      const store = create(capacityBytes);
      const model = new Uint8Array(capacityBytes);
      const written = new Set<number>();
      for (let step = 0; step < 120; step += 1) {
        const offsetBytes = prng.int(capacityBytes);
        const lengthBytes = prng.int(Math.min(capacityBytes - offsetBytes, prng.chance(0.2) ? 3 * CHUNK : 5_000) + 1);
        if (prng.chance(0.6)) {
          const data = bytesOf(lengthBytes, prng.u32());
          store.write(offsetBytes, data);
          model.set(data, offsetBytes);
          for (let byte = offsetBytes; byte < offsetBytes + lengthBytes; byte += 512) written.add(Math.floor(byte / BLOCK));
          if (lengthBytes > 0) written.add(Math.floor((offsetBytes + lengthBytes - 1) / BLOCK));
        } else {
          expect(sameBytes(store.read(offsetBytes, lengthBytes), model.subarray(offsetBytes, offsetBytes + lengthBytes))).toBe(true);
        }
        if (step % 40 === 0) store.flush();
      }
      expect(sameBytes(store.read(0, capacityBytes), model)).toBe(true);
      const lastBlock = Math.floor((capacityBytes - 1) / BLOCK);
      const expectedBytes = written.size * BLOCK - (written.has(lastBlock) ? (lastBlock + 1) * BLOCK - capacityBytes : 0);
      expect(store.allocatedBytes()).toBe(expectedBytes);
      for (let block = 0; block <= lastBlock; block += 1) {
        expect(store.isAllocated(block * BLOCK, 1)).toBe(written.has(block));
        const nextAllocated = [...written].filter((b) => b >= block).sort((a, b) => a - b)[0];
        expect(store.nextAllocatedOffset(block * BLOCK)).toBe(nextAllocated === undefined ? -1 : nextAllocated * BLOCK);
      }
      store.close();
    }
  });

  it('holds a 1 TiB volume with a few scattered writes', () => {
    const capacityBytes = 2 ** 40;
    const store = create(capacityBytes);
    const offsets = [0, 2 ** 39 + 12_345, capacityBytes - 4096];
    for (const [index, offsetBytes] of offsets.entries()) store.write(offsetBytes, bytesOf(4096, index));
    for (const [index, offsetBytes] of offsets.entries()) expect(sameBytes(store.read(offsetBytes, 4096), bytesOf(4096, index))).toBe(true);
    // The middle write straddles two blocks.
    expect(store.allocatedBytes()).toBe(4 * BLOCK);
    expect(store.nextAllocatedOffset(CHUNK)).toBe(2 ** 39 + 3 * BLOCK);
    expect(store.nextUnallocatedOffset(2 ** 39 + 3 * BLOCK)).toBe(2 ** 39 + 5 * BLOCK);
    store.flush();
    store.close();
  });

  it('refuses use after close', () => {
    const store = create(CHUNK);
    store.close();
    expect(() => store.read(0, 1)).toThrow();
    expect(() => store.write(0, new Uint8Array(1))).toThrow();
    expect(() => store.flush()).toThrow();
    expect(() => store.close()).toThrow();
  });
});
