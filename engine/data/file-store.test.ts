// What only the file store must do: stay sparse on disk, survive a reopen, and keep the allocation
// map the truth after a crash (at 4 KiB blocks, with its journal). The shared contract is in
// volume-store.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from './file-store';
import { GrainBitmap } from './grain-bitmap';
import { Prng } from './prng';
import { ALLOCATION_BLOCK_BYTES, ALLOCATION_CHUNK_BYTES } from './volume-store';

const CHUNK = ALLOCATION_CHUNK_BYTES;
const BLOCK = ALLOCATION_BLOCK_BYTES;
const TiB = 2 ** 40;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-file-store-'));
let fileIndex = 0;

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function freshPath(): string {
  fileIndex += 1;
  return path.join(directory, `volume-${fileIndex}.img`);
}

function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  new Prng(seed).fill(bytes);
  return bytes;
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return Buffer.from(left.buffer, left.byteOffset, left.length).equals(right);
}

function diskBytes(filePath: string): number {
  return fs.statSync(filePath).blocks * 512;
}

/** What a crash leaves of a volume: copies of its files as they are now (the page cache's view). */
function crashCopy(filePath: string): string {
  const crashedPath = freshPath();
  for (const suffix of ['', '.alloc', '.alloc.log']) fs.copyFileSync(`${filePath}${suffix}`, `${crashedPath}${suffix}`);
  return crashedPath;
}

function isZeros(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

describe('FileStore', () => {
  it('keeps a 1 TiB volume with a few writes under 10 MiB of disk, map included', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: TiB });
    for (let index = 0; index < 8; index += 1) store.write(index * (TiB / 8) + 777, bytesOf(100_000, index));
    store.flush();
    expect(fs.statSync(filePath).size).toBe(TiB);
    const usedBytes = diskBytes(filePath) + diskBytes(`${filePath}.alloc`) + diskBytes(`${filePath}.alloc.log`);
    expect(usedBytes).toBeGreaterThan(8 * 100_000);
    expect(usedBytes).toBeLessThan(10 * 2 ** 20);
    store.close();
  });

  it('holds one open file per volume, created or reopened, written or not', () => {
    const openFiles = () => fs.readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const stores = Array.from({ length: 20 }, () => FileStore.open({ path: freshPath(), capacityBytes: 16 * CHUNK }));
    for (const [index, store] of stores.entries()) store.write(index * BLOCK, bytesOf(BLOCK, index));
    for (const store of stores) store.flush();
    // A fleet of 10,000 volumes must fit the process's open-file limit (20,000 on these machines).
    expect(openFiles() - before).toBe(stores.length);
    const paths = stores.map((store) => store.path);
    for (const store of stores) store.close();
    const reopened = paths.map((filePath) => FileStore.open({ path: filePath, capacityBytes: 16 * CHUNK }));
    expect(openFiles() - before).toBe(reopened.length);
    for (const [index, store] of reopened.entries()) expect(sameBytes(store.read(index * BLOCK, BLOCK), bytesOf(BLOCK, index))).toBe(true);
    for (const store of reopened) store.close();
    expect(openFiles()).toBe(before);
  });

  it('reopens with the same contents and allocation map', () => {
    const filePath = freshPath();
    const capacityBytes = 64 * CHUNK + 123;
    const first = FileStore.open({ path: filePath, capacityBytes });
    first.write(5 * CHUNK - 10, bytesOf(30, 1));
    first.write(capacityBytes - 5, bytesOf(5, 2));
    const allocatedBytes = first.allocatedBytes();
    first.close();
    expect(fs.existsSync(`${filePath}.alloc.tmp`)).toBe(false);
    const second = FileStore.open({ path: filePath, capacityBytes });
    expect(second.allocatedBytes()).toBe(allocatedBytes);
    expect(second.isAllocated(4 * CHUNK, 2 * CHUNK)).toBe(true);
    expect(second.isAllocated(6 * CHUNK, 58 * CHUNK)).toBe(false);
    expect(sameBytes(second.read(5 * CHUNK - 10, 30), bytesOf(30, 1))).toBe(true);
    expect(sameBytes(second.read(capacityBytes - 5, 5), bytesOf(5, 2))).toBe(true);
    second.close();
  });

  it('after a crash, treats blocks first written since the last flush as never written', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 8 * CHUNK });
    store.write(0, bytesOf(100, 1));
    store.flush();
    store.write(50, bytesOf(10, 2)); // an overwrite of an allocated block: ordinary disk semantics
    store.write(3 * CHUNK + 100, bytesOf(CHUNK, 3)); // allocates 17 blocks of chunks 3 and 4, never flushed
    const crashedPath = crashCopy(filePath);
    store.close();

    const recovered = FileStore.open({ path: crashedPath, capacityBytes: 8 * CHUNK });
    expect(recovered.allocatedBytes()).toBe(BLOCK);
    expect(isZeros(recovered.read(3 * CHUNK, 2 * CHUNK))).toBe(true);
    // A new small write into such a block must not resurrect the lost write's other bytes, in
    // its own block or in the blocks around it.
    recovered.write(3 * CHUNK + 200, new Uint8Array([9]));
    const chunk = recovered.read(3 * CHUNK, CHUNK);
    expect(chunk[200]).toBe(9);
    expect(chunk.reduce((sum, byte) => sum + byte, 0)).toBe(9);
    recovered.close();
  });

  it('pads a partial first write of a block with zeros to the block edges, and only that block', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK });
    // Stale bytes a lost write could have left in the file: they must never be read back.
    fs.writeFileSync(filePath, new Uint8Array(CHUNK).fill(0xee), { flag: 'r+' });
    store.write(BLOCK + 1000, new Uint8Array([1, 2, 3]));
    store.flush();
    const raw = fs.readFileSync(filePath);
    expect(isZeros(raw.subarray(BLOCK, BLOCK + 1000))).toBe(true);
    expect(raw.subarray(BLOCK + 1000, BLOCK + 1003)).toEqual(Buffer.from([1, 2, 3]));
    expect(isZeros(raw.subarray(BLOCK + 1003, 2 * BLOCK))).toBe(true);
    // Outside the block the file is untouched (4 KiB written, not 64 KiB); the map keeps those bytes unread.
    expect(raw[BLOCK - 1]).toBe(0xee);
    expect(raw[2 * BLOCK]).toBe(0xee);
    expect(isZeros(store.read(0, BLOCK))).toBe(true);
    expect(isZeros(store.read(2 * BLOCK, CHUNK - 2 * BLOCK))).toBe(true);
    expect(Array.from(store.read(BLOCK + 999, 5))).toEqual([0, 1, 2, 3, 0]);
    expect(store.allocatedBytes()).toBe(BLOCK);
    store.close();
  });

  it('reopened without a flush after a partial first write, reads zeros; after a flush, the data', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 16 * CHUNK });
    const data = bytesOf(5000, 7); // spans blocks 2 and 3, covering neither whole
    store.write(2 * BLOCK + 3000, data);
    const unflushed = FileStore.open({ path: crashCopy(filePath), capacityBytes: 16 * CHUNK });
    expect(unflushed.allocatedBytes()).toBe(0);
    expect(isZeros(unflushed.read(0, 16 * CHUNK))).toBe(true);
    unflushed.close();
    store.flush();
    const flushed = FileStore.open({ path: crashCopy(filePath), capacityBytes: 16 * CHUNK });
    expect(flushed.allocatedBytes()).toBe(2 * BLOCK);
    expect(sameBytes(flushed.read(2 * BLOCK + 3000, 5000), data)).toBe(true);
    expect(isZeros(flushed.read(2 * BLOCK, 3000))).toBe(true);
    expect(isZeros(flushed.read(2 * BLOCK + 8000, 4 * BLOCK - 8000))).toBe(true);
    flushed.close();
    store.close();
  });

  it('drops a torn journal batch on open and cuts the journal back, keeping every completed flush', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 16 * CHUNK });
    store.write(0, bytesOf(10, 1));
    store.flush();
    const journalBytes = fs.statSync(`${filePath}.alloc.log`).size;
    store.write(5 * CHUNK, bytesOf(10, 2));
    store.flush();
    store.close();
    const journal = fs.readFileSync(`${filePath}.alloc.log`);
    expect(journal.length).toBeGreaterThan(journalBytes);
    // The crash hit the second append half way.
    fs.writeFileSync(`${filePath}.alloc.log`, journal.subarray(0, journalBytes + Math.floor((journal.length - journalBytes) / 2)));
    const recovered = FileStore.open({ path: filePath, capacityBytes: 16 * CHUNK });
    expect(fs.statSync(`${filePath}.alloc.log`).size).toBe(journalBytes);
    expect(recovered.allocatedBytes()).toBe(BLOCK);
    expect(sameBytes(recovered.read(0, 10), bytesOf(10, 1))).toBe(true);
    expect(isZeros(recovered.read(5 * CHUNK, 10))).toBe(true);
    recovered.write(7 * CHUNK, bytesOf(10, 3));
    recovered.close();
    const reopened = FileStore.open({ path: filePath, capacityBytes: 16 * CHUNK });
    expect(reopened.allocatedBytes()).toBe(2 * BLOCK);
    expect(sameBytes(reopened.read(7 * CHUNK, 10), bytesOf(10, 3))).toBe(true);
    reopened.close();
  });

  it('opens a volume whose map is in the old chunk format (no journal), then allocates by block', () => {
    const filePath = freshPath();
    const capacityBytes = 8 * CHUNK;
    // What the chunk-granular store left: chunks 1 and 2 written through, a bitmap of chunks, no journal.
    const data = bytesOf(2 * CHUNK, 5);
    fs.writeFileSync(filePath, new Uint8Array(capacityBytes));
    const fd = fs.openSync(filePath, 'r+');
    fs.writeSync(fd, data, 0, data.length, CHUNK);
    fs.closeSync(fd);
    const chunks = new GrainBitmap(8);
    chunks.setRange(1, 2);
    fs.writeFileSync(`${filePath}.alloc`, chunks.serialize());
    const store = FileStore.open({ path: filePath, capacityBytes });
    expect(store.allocatedBytes()).toBe(2 * CHUNK);
    expect(sameBytes(store.read(CHUNK, 2 * CHUNK), data)).toBe(true);
    expect(store.isAllocated(0, CHUNK)).toBe(false);
    expect(store.nextUnallocatedOffset(CHUNK)).toBe(3 * CHUNK);
    store.write(5 * CHUNK + 10, bytesOf(10, 6));
    store.close();
    expect(fs.existsSync(`${filePath}.alloc.log`)).toBe(true);
    const reopened = FileStore.open({ path: filePath, capacityBytes });
    expect(reopened.allocatedBytes()).toBe(2 * CHUNK + BLOCK);
    expect(sameBytes(reopened.read(CHUNK, 2 * CHUNK), data)).toBe(true);
    expect(sameBytes(reopened.read(5 * CHUNK + 10, 10), bytesOf(10, 6))).toBe(true);
    reopened.close();
  });

  it('appends a flush to the journal without rewriting the map, and compacts the journal once it outgrows the map', () => {
    const filePath = freshPath();
    const capacityBytes = 2 ** 40;
    const store = FileStore.open({ path: filePath, capacityBytes, journalCompactMinBytes: 4096 });
    const base = fs.readFileSync(`${filePath}.alloc`);
    store.write(0, bytesOf(10, 0));
    store.flush();
    // One batch of one range, whatever the capacity; the base map is untouched.
    expect(fs.statSync(`${filePath}.alloc.log`).size).toBe(32);
    expect(fs.readFileSync(`${filePath}.alloc`).equals(base)).toBe(true);
    const offsets: number[] = [];
    const prng = new Prng(9);
    for (let index = 0; index < 400; index += 1) {
      const offsetBytes = prng.int(capacityBytes / BLOCK) * BLOCK;
      offsets.push(offsetBytes);
      store.write(offsetBytes, bytesOf(100, index + 1));
      store.flush();
    }
    // 401 batches of one range would be 12,832 bytes; compactions rewrote them as one batch (no chunk is full, so the base stays empty).
    expect(fs.statSync(`${filePath}.alloc.log`).size).toBeLessThan(401 * 32);
    const allocatedBytes = store.allocatedBytes();
    expect(allocatedBytes).toBe(new Set([0, ...offsets]).size * BLOCK);
    store.close();
    const reopened = FileStore.open({ path: filePath, capacityBytes });
    expect(reopened.allocatedBytes()).toBe(allocatedBytes);
    for (const [index, offsetBytes] of offsets.entries()) {
      if (offsets.lastIndexOf(offsetBytes) === index) expect(sameBytes(reopened.read(offsetBytes, 100), bytesOf(100, index + 1))).toBe(true);
    }
    reopened.close();
  });

  it('refuses a file larger than the volume, a missing map and a damaged map, naming the file', () => {
    const filePath = freshPath();
    FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK }).close();
    // (A smaller file is a growth a crash interrupted, which open finishes: see "growing" below.)
    expect(() => FileStore.open({ path: filePath, capacityBytes: 3 * CHUNK })).toThrow(/holds 262144 bytes, expected capacity 196608/);
    const mapBytes = fs.readFileSync(`${filePath}.alloc`);
    fs.writeFileSync(`${filePath}.alloc`, mapBytes.subarray(0, mapBytes.length - 1));
    expect(() => FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK })).toThrow(/allocation map .*\.alloc is damaged: grain bitmap: truncated/);
    fs.rmSync(`${filePath}.alloc`);
    expect(() => FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK })).toThrow(/has no allocation map/);
  });

  it('recreates a volume whose creation stopped after the empty map, but not one whose data is lost', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK });
    store.close();
    fs.rmSync(filePath);
    FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK }).close();
    const written = FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK });
    written.write(0, new Uint8Array([1]));
    written.close();
    fs.rmSync(filePath);
    expect(() => FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK })).toThrow(/missing but its allocation map records writes/);
  });

  it('removes a volume’s file and map', () => {
    const filePath = freshPath();
    FileStore.open({ path: filePath, capacityBytes: CHUNK }).close();
    FileStore.remove(filePath);
    expect(fs.readdirSync(directory).filter((name) => name.startsWith(path.basename(filePath)))).toEqual([]);
    FileStore.remove(filePath);
  });
});

describe('growing a file store', () => {
  it('keeps every written byte and its allocation, and the new space is a hole that reads as zeros', () => {
    const file = freshPath();
    const oddCapacity = 3 * CHUNK + 512; // the old last chunk is partial
    const store = FileStore.open({ path: file, capacityBytes: oddCapacity });
    const data = bytesOf(CHUNK + 512, 41);
    store.write(2 * CHUNK, data);
    const grown = store.grow(16 * CHUNK);
    expect(grown.capacityBytes).toBe(16 * CHUNK);
    expect(sameBytes(grown.read(2 * CHUNK, CHUNK + 512), data)).toBe(true);
    expect(grown.read(3 * CHUNK + 512, 13 * CHUNK - 512).every((byte) => byte === 0)).toBe(true);
    expect(grown.allocatedBytes()).toBe(2 * CHUNK);
    grown.close();
    const reopened = FileStore.open({ path: file, capacityBytes: 16 * CHUNK });
    expect(sameBytes(reopened.read(2 * CHUNK, CHUNK + 512), data)).toBe(true);
    reopened.close();
  });

  it('finishes a growth the inventory committed before a crash left the file at its old size', () => {
    const file = freshPath();
    const store = FileStore.open({ path: file, capacityBytes: 4 * CHUNK });
    const data = bytesOf(CHUNK, 42);
    store.write(CHUNK, data);
    store.close();
    // The inventory now says 8 chunks; the file and its map still say 4.
    const reopened = FileStore.open({ path: file, capacityBytes: 8 * CHUNK });
    expect(fs.statSync(file).size).toBe(8 * CHUNK);
    expect(sameBytes(reopened.read(CHUNK, CHUNK), data)).toBe(true);
    expect(reopened.read(4 * CHUNK, 4 * CHUNK).every((byte) => byte === 0)).toBe(true);
    reopened.close();
  });
});
