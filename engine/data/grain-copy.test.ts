import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from './file-store';
import { copyGrain, copyGrains, grainCountOf, type GrainBytes } from './grain-copy';
import { MemoryStore } from './memory-store';
import { Prng } from './prng';
import { ALLOCATION_BLOCK_BYTES, ALLOCATION_CHUNK_BYTES, type VolumeStore } from './volume-store';

const KiB = 1024;
const CHUNK = ALLOCATION_CHUNK_BYTES;
const BLOCK = ALLOCATION_BLOCK_BYTES;

/** A memory store that counts the reads and writes reaching it. */
class CountingStore extends MemoryStore {
  reads = 0;
  writes = 0;
  override readInto(offsetBytes: number, buffer: Uint8Array): void {
    this.reads += 1;
    super.readInto(offsetBytes, buffer);
  }
  override write(offsetBytes: number, data: Uint8Array): void {
    this.writes += 1;
    super.write(offsetBytes, data);
  }
}

function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  new Prng(seed).fill(bytes);
  return bytes;
}

function sameRange(source: VolumeStore, target: VolumeStore, offsetBytes: number, lengthBytes: number): boolean {
  const expected = source.read(offsetBytes, lengthBytes);
  return Buffer.from(expected.buffer).equals(target.read(offsetBytes, lengthBytes));
}

describe('grainCountOf', () => {
  it('counts a partial last grain and accepts only 64 KiB and 256 KiB grains', () => {
    expect(grainCountOf(0, 65536)).toBe(0);
    expect(grainCountOf(256 * KiB, 262144)).toBe(1);
    expect(grainCountOf(256 * KiB + 1, 262144)).toBe(2);
    expect(grainCountOf(2 ** 40, 65536)).toBe(2 ** 24);
    expect(() => grainCountOf(CHUNK, 4096 as GrainBytes)).toThrow(/neither 64 KiB nor 256 KiB/);
  });
});

describe('copyGrains', () => {
  it('neither reads nor writes a never-written source grain, but accounts for it', () => {
    const source = new CountingStore(4 * 256 * KiB);
    const target = new CountingStore(4 * 256 * KiB);
    source.write(3 * 256 * KiB, new Uint8Array([1]));
    source.reads = 0;
    source.writes = 0;
    const report = copyGrains(source, target, 262144, 0, 3);
    expect(report).toEqual({ bytesAccounted: 3 * 256 * KiB, bytesMoved: 0, bytesZeroed: 0 });
    expect([source.reads, target.reads, target.writes]).toEqual([0, 0, 0]);
    expect(target.allocatedBytes()).toBe(0);
  });

  it('moves only the written 4 KiB blocks of a grain and leaves the target as thin as the source', () => {
    const source = new MemoryStore(8 * 256 * KiB);
    const target = new MemoryStore(8 * 256 * KiB);
    source.write(256 * KiB + 10, bytesOf(100, 1)); // grain 1, its first block
    source.write(5 * 256 * KiB - 1, bytesOf(2, 2)); // the last block of grain 4 and the first of grain 5
    const report = copyGrains(source, target, 262144, 0, 8);
    expect(report).toEqual({ bytesAccounted: 8 * 256 * KiB, bytesMoved: 3 * BLOCK, bytesZeroed: 0 });
    expect(sameRange(source, target, 0, 8 * 256 * KiB)).toBe(true);
    expect(target.allocatedBytes()).toBe(source.allocatedBytes());
  });

  it('zeroes target data only where the source never wrote, so the target reads zeros there', () => {
    const source = new MemoryStore(4 * CHUNK);
    const target = new MemoryStore(4 * CHUNK);
    source.write(0, bytesOf(CHUNK, 1));
    target.write(0, bytesOf(4 * CHUNK, 2));
    const report = copyGrains(source, target, 65536, 0, 3);
    expect(report).toEqual({ bytesAccounted: 3 * CHUNK, bytesMoved: CHUNK, bytesZeroed: 2 * CHUNK });
    expect(sameRange(source, target, 0, 3 * CHUNK)).toBe(true);
    expect(Buffer.from(target.read(3 * CHUNK, CHUNK)).equals(bytesOf(4 * CHUNK, 2).subarray(3 * CHUNK))).toBe(true);
  });

  it('within a grain, moves the source blocks, zeroes the target-only blocks and leaves the rest alone', () => {
    const source = new CountingStore(4 * CHUNK);
    const target = new CountingStore(4 * CHUNK);
    source.write(CHUNK + 2 * BLOCK, bytesOf(BLOCK, 1));
    target.write(CHUNK + 9 * BLOCK + 100, bytesOf(10, 2));
    target.writes = 0;
    const report = copyGrain(source, target, 65536, 1);
    expect(report).toEqual({ bytesAccounted: CHUNK, bytesMoved: BLOCK, bytesZeroed: BLOCK });
    expect(target.writes).toBe(2);
    expect(sameRange(source, target, 0, 4 * CHUNK)).toBe(true);
    expect(target.allocatedBytes()).toBe(2 * BLOCK);
  });

  it('copies a partial last grain and nothing past the source capacity into a larger target', () => {
    const capacityBytes = 3 * 256 * KiB + 100 * KiB;
    const source = new MemoryStore(capacityBytes);
    const target = new MemoryStore(capacityBytes + 256 * KiB);
    source.write(capacityBytes - 1000, bytesOf(1000, 3));
    target.write(capacityBytes, bytesOf(10, 4));
    const report = copyGrain(source, target, 262144, 3);
    // The written bytes fall in the volume's last 4 KiB block.
    expect(report).toEqual({ bytesAccounted: 100 * KiB, bytesMoved: BLOCK, bytesZeroed: 0 });
    expect(sameRange(source, target, 0, capacityBytes)).toBe(true);
    expect(Buffer.from(target.read(capacityBytes, 10)).equals(bytesOf(10, 4))).toBe(true);
  });

  it('refuses grains outside the source, a smaller target and copying a volume onto itself', () => {
    const source = new MemoryStore(4 * CHUNK);
    expect(() => copyGrains(source, new MemoryStore(4 * CHUNK), 65536, 3, 2)).toThrow(/outside the source's 4/);
    expect(() => copyGrains(source, new MemoryStore(3 * CHUNK), 65536, 0, 4)).toThrow(/target capacity 196608 is below/);
    expect(() => copyGrains(source, source, 65536, 0, 1)).toThrow(/onto itself/);
    expect(copyGrains(source, new MemoryStore(CHUNK), 65536, 1, 0)).toEqual({ bytesAccounted: 0, bytesMoved: 0, bytesZeroed: 0 });
  });

  it('makes the target read as the source over seeded random writes and grain runs', () => {
    const exercised = { moved: 0, zeroed: 0, skipped: 0 };
    for (let seed = 0; seed < 12; seed += 1) {
      const prng = new Prng(seed);
      const grainBytes: GrainBytes = prng.pick([65536, 262144] as const);
      const capacityBytes = prng.range(1, 24) * CHUNK + prng.int(CHUNK);
      const source = new MemoryStore(capacityBytes);
      const target = new MemoryStore(capacityBytes);
      for (let step = 0; step < 30; step += 1) {
        const store = prng.chance(0.5) ? source : target;
        const offsetBytes = prng.int(capacityBytes);
        const lengthBytes = prng.int(Math.min(capacityBytes - offsetBytes, 3 * CHUNK)) + 1;
        store.write(offsetBytes, bytesOf(lengthBytes, seed * 100 + step));
      }
      const grainTotal = grainCountOf(capacityBytes, grainBytes);
      const first = prng.int(grainTotal);
      const count = prng.int(grainTotal - first) + 1;
      const startBytes = first * grainBytes;
      const endBytes = Math.min((first + count) * grainBytes, capacityBytes);
      const allocatedBefore = countAllocated(source, startBytes, endBytes);
      const outsideBefore = [target.read(0, startBytes), target.read(endBytes, capacityBytes - endBytes)];
      const report = copyGrains(source, target, grainBytes, first, count);
      expect(report.bytesAccounted).toBe(endBytes - startBytes);
      expect(report.bytesMoved).toBe(allocatedBefore);
      if (report.bytesMoved > 0) exercised.moved += 1;
      if (report.bytesZeroed > 0) exercised.zeroed += 1;
      if (report.bytesMoved + report.bytesZeroed < report.bytesAccounted) exercised.skipped += 1;
      expect(sameRange(source, target, startBytes, endBytes - startBytes)).toBe(true);
      expect(Buffer.from(target.read(0, startBytes)).equals(outsideBefore[0]!)).toBe(true);
      expect(Buffer.from(target.read(endBytes, capacityBytes - endBytes)).equals(outsideBefore[1]!)).toBe(true);
    }
    expect(Math.min(exercised.moved, exercised.zeroed, exercised.skipped)).toBeGreaterThan(0);
  });

  it('copies a written volume between file stores byte for byte', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-grain-copy-'));
    try {
      const capacityBytes = 40 * CHUNK + 5;
      const source = FileStore.open({ path: path.join(directory, 'source.img'), capacityBytes });
      const target = FileStore.open({ path: path.join(directory, 'target.img'), capacityBytes });
      source.write(0, bytesOf(capacityBytes, 9));
      target.write(7 * CHUNK, bytesOf(CHUNK, 10));
      const report = copyGrains(source, target, 262144, 0, grainCountOf(capacityBytes, 262144));
      expect(report).toEqual({ bytesAccounted: capacityBytes, bytesMoved: capacityBytes, bytesZeroed: 0 });
      expect(sameRange(source, target, 0, capacityBytes)).toBe(true);
      source.close();
      target.close();
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

/** Bytes of [startBytes, endBytes) (block-aligned start) inside allocated blocks, counted block by block. */
function countAllocated(store: VolumeStore, startBytes: number, endBytes: number): number {
  let total = 0;
  for (let blockStart = startBytes; blockStart < endBytes; blockStart += BLOCK) {
    const lengthBytes = Math.min(BLOCK, endBytes - blockStart);
    if (store.isAllocated(blockStart, lengthBytes)) total += lengthBytes;
  }
  return total;
}
