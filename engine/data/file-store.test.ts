// What only the file store must do: stay sparse on disk, survive a reopen, and keep the allocation
// map the truth after a crash. The shared contract is in volume-store.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from './file-store';
import { Prng } from './prng';
import { ALLOCATION_CHUNK_BYTES } from './volume-store';

const CHUNK = ALLOCATION_CHUNK_BYTES;
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

describe('FileStore', () => {
  it('keeps a 1 TiB volume with a few writes under 10 MiB of disk, map included', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: TiB });
    for (let index = 0; index < 8; index += 1) store.write(index * (TiB / 8) + 777, bytesOf(100_000, index));
    store.flush();
    expect(fs.statSync(filePath).size).toBe(TiB);
    const usedBytes = diskBytes(filePath) + diskBytes(`${filePath}.alloc`);
    expect(usedBytes).toBeGreaterThan(8 * 100_000);
    expect(usedBytes).toBeLessThan(10 * 2 ** 20);
    store.close();
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

  it('after a crash, treats chunks first written since the last flush as never written', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 8 * CHUNK });
    store.write(0, bytesOf(100, 1));
    store.flush();
    store.write(50, bytesOf(10, 2)); // an overwrite of an allocated chunk: ordinary disk semantics
    store.write(3 * CHUNK + 100, bytesOf(CHUNK, 3)); // allocates chunks 3 and 4, never flushed
    // The crash: what is on disk now is the page cache's view of the data with the last map.
    const crashedPath = freshPath();
    fs.copyFileSync(filePath, crashedPath);
    fs.copyFileSync(`${filePath}.alloc`, `${crashedPath}.alloc`);
    store.close();

    const recovered = FileStore.open({ path: crashedPath, capacityBytes: 8 * CHUNK });
    expect(recovered.allocatedBytes()).toBe(CHUNK);
    expect(sameBytes(recovered.read(3 * CHUNK, 2 * CHUNK), new Uint8Array(2 * CHUNK))).toBe(true);
    // A new small write into such a chunk must not resurrect the lost write's other bytes.
    recovered.write(3 * CHUNK + 200, new Uint8Array([9]));
    const chunk = recovered.read(3 * CHUNK, CHUNK);
    expect(chunk[200]).toBe(9);
    expect(chunk.reduce((sum, byte) => sum + byte, 0)).toBe(9);
    recovered.close();
  });

  it('writes a new chunk whole, so its untouched bytes are zeros on disk too', () => {
    const filePath = freshPath();
    const store = FileStore.open({ path: filePath, capacityBytes: 4 * CHUNK });
    store.write(CHUNK + 1000, new Uint8Array([1, 2, 3]));
    store.flush();
    expect(diskBytes(filePath)).toBeGreaterThanOrEqual(CHUNK);
    const raw = fs.readFileSync(filePath);
    expect(raw.subarray(CHUNK + 1000, CHUNK + 1003)).toEqual(Buffer.from([1, 2, 3]));
    store.close();
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
    expect(fs.existsSync(filePath) || fs.existsSync(`${filePath}.alloc`)).toBe(false);
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
