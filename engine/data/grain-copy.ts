// The thin-aware copy of a run of grains from a source volume to a target volume: the one place
// where copy services move bytes. Grains count over the source's capacity (the last grain may be
// partial). Source bytes never written are neither read nor written, at the stores' 4 KiB block
// granularity: where the target never wrote either, nothing happens at all; where the target holds
// data over them, those blocks are overwritten with zeros (not deallocated: allocation only grows,
// which is what keeps the file store's crash argument a simple union), so the target reads
// exactly what the source reads. The report separates
// the bytes the copy stands for (simulated time is spent on every grain, as on a real array) from
// the bytes this machine actually moved.
import assert from 'node:assert';
import { visitAllocationRuns } from './allocation-map';
import { ALLOCATION_CHUNK_BYTES, type VolumeStore } from './volume-store';

// Imported constants become getter calls once transpiled (tsx, esbuild); hot loops read a local.
const CHUNK_BYTES = ALLOCATION_CHUNK_BYTES;

export const GRAIN_SIZES_BYTES = [64 * 1024, 256 * 1024] as const;
export type GrainBytes = (typeof GRAIN_SIZES_BYTES)[number];

/** Bytes per read/write while copying: large enough for sequential speed, small for memory. */
const COPY_PIECE_BYTES = 1024 * 1024;
let scratch: Uint8Array | null = null;
let zeroes: Uint8Array | null = null;

export interface GrainCopyReport {
  /** Bytes of capacity the grains cover: the work a real array would do. */
  bytesAccounted: number;
  /** Bytes read from the source and written to the target. */
  bytesMoved: number;
  /** Target bytes overwritten with zeros because the source never wrote them but the target had. */
  bytesZeroed: number;
}

export function isGrainBytes(value: number): value is GrainBytes {
  return (GRAIN_SIZES_BYTES as readonly number[]).includes(value);
}

/** Grains over a capacity, the last one partial when the capacity is not a whole number of grains. */
export function grainCountOf(capacityBytes: number, grainBytes: GrainBytes): number {
  assert(Number.isSafeInteger(capacityBytes) && capacityBytes >= 0);
  if (!isGrainBytes(grainBytes)) assert.fail(`grain size ${grainBytes} is neither 64 KiB nor 256 KiB`);
  return Math.ceil(capacityBytes / grainBytes);
}

export function copyGrain(source: VolumeStore, target: VolumeStore, grainBytes: GrainBytes, grain: number): GrainCopyReport {
  return copyGrains(source, target, grainBytes, grain, 1);
}

/** Copies grains [first, first + count) of the source onto the same bytes of the target. */
export function copyGrains(source: VolumeStore, target: VolumeStore, grainBytes: GrainBytes, first: number, count: number): GrainCopyReport {
  const grainTotal = grainCountOf(source.capacityBytes, grainBytes);
  assert(grainBytes % CHUNK_BYTES === 0);
  assert(Number.isSafeInteger(first) && Number.isSafeInteger(count) && first >= 0 && count >= 0);
  if (first + count > grainTotal) assert.fail(`grains [${first}, ${first}+${count}) are outside the source's ${grainTotal}`);
  const endBytes = Math.min((first + count) * grainBytes, source.capacityBytes);
  return copyBytes(source, target, Math.min(first * grainBytes, endBytes), endBytes);
}

/** Copies the bytes [startBytes, endBytes) of the source onto the same bytes of the target, thin-aware. */
export function copyBytes(source: VolumeStore, target: VolumeStore, startBytes: number, endBytes: number): GrainCopyReport {
  assert(source !== target, 'a volume cannot be copied onto itself');
  assert(Number.isSafeInteger(startBytes) && startBytes >= 0 && endBytes >= startBytes && endBytes <= source.capacityBytes);
  if (target.capacityBytes < endBytes) assert.fail(`target capacity ${target.capacityBytes} is below the copied ${endBytes} bytes`);
  const report: GrainCopyReport = { bytesAccounted: endBytes - startBytes, bytesMoved: 0, bytesZeroed: 0 };
  if (endBytes === startBytes) return report;
  // The common case of a thin volume, kept to two bitmap probes: nothing to move, nothing to zero.
  if (!source.isAllocated(startBytes, endBytes - startBytes) && !target.isAllocated(startBytes, endBytes - startBytes)) {
    return report;
  }
  visitAllocationRuns(source, startBytes, endBytes - startBytes, (runStartBytes, runEndBytes, allocated) => {
    if (allocated) report.bytesMoved += moveBytes(source, target, runStartBytes, runEndBytes);
    else report.bytesZeroed += zeroAllocatedBytes(target, runStartBytes, runEndBytes);
  });
  assert(report.bytesMoved + report.bytesZeroed <= report.bytesAccounted);
  return report;
}

function moveBytes(source: VolumeStore, target: VolumeStore, startBytes: number, endBytes: number): number {
  scratch ??= new Uint8Array(COPY_PIECE_BYTES);
  for (let positionBytes = startBytes; positionBytes < endBytes; positionBytes += COPY_PIECE_BYTES) {
    const piece = scratch.subarray(0, Math.min(COPY_PIECE_BYTES, endBytes - positionBytes));
    source.readInto(positionBytes, piece);
    target.write(positionBytes, piece);
  }
  return endBytes - startBytes;
}

/** Zeroes what the target ever wrote within [startBytes, endBytes); returns the bytes zeroed. */
function zeroAllocatedBytes(target: VolumeStore, startBytes: number, endBytes: number): number {
  if (!target.isAllocated(startBytes, endBytes - startBytes)) return 0;
  zeroes ??= new Uint8Array(COPY_PIECE_BYTES);
  const buffer = zeroes;
  let zeroedBytes = 0;
  visitAllocationRuns(target, startBytes, endBytes - startBytes, (runStartBytes, runEndBytes, allocated) => {
    if (!allocated) return;
    for (let positionBytes = runStartBytes; positionBytes < runEndBytes; positionBytes += COPY_PIECE_BYTES) {
      target.write(positionBytes, buffer.subarray(0, Math.min(COPY_PIECE_BYTES, runEndBytes - positionBytes)));
    }
    zeroedBytes += runEndBytes - runStartBytes;
  });
  return zeroedBytes;
}
