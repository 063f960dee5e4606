// Moving bytes between two volume stores without touching never-written space: an unwritten
// source range is not read; it is written as zeros only where the target holds data, so the
// target reads zeros there as the source does.
import type { VolumeStore } from './volume-store';
import { ALLOCATION_CHUNK_BYTES } from './volume-store';

/** Bytes moved per read/write call: large enough to stream, small enough to bound memory. */
const MOVE_SLICE_BYTES = 4 * 1024 * 1024;
const ZEROS = new Uint8Array(MOVE_SLICE_BYTES);

let scratch = new Uint8Array(0);

function zeroTarget(to: VolumeStore, offsetBytes: number, endBytes: number): number {
  let moved = 0;
  let at = to.nextAllocatedOffset(offsetBytes);
  while (at >= 0 && at < endBytes) {
    const free = to.nextUnallocatedOffset(at);
    const stop = Math.min(endBytes, free < 0 ? endBytes : free);
    for (let slice = at; slice < stop; slice += MOVE_SLICE_BYTES) {
      const length = Math.min(MOVE_SLICE_BYTES, stop - slice);
      to.write(slice, ZEROS.subarray(0, length));
      moved += length;
    }
    at = stop >= endBytes ? -1 : to.nextAllocatedOffset(stop);
  }
  return moved;
}

/** Copies [offsetBytes, offsetBytes + lengthBytes) from one store to another; returns bytes written. */
export function moveBytes(from: VolumeStore, to: VolumeStore, offsetBytes: number, lengthBytes: number): number {
  const endBytes = offsetBytes + lengthBytes;
  let moved = 0;
  let at = offsetBytes;
  let guard = Math.ceil(lengthBytes / ALLOCATION_CHUNK_BYTES) * 2 + 2;
  while (at < endBytes) {
    guard -= 1;
    if (guard < 0) throw new Error('moveBytes did not terminate');
    const nextWritten = from.nextAllocatedOffset(at);
    const holeEnd = nextWritten < 0 ? endBytes : Math.min(nextWritten, endBytes);
    if (holeEnd > at) {
      moved += zeroTarget(to, at, holeEnd);
      at = holeEnd;
      continue;
    }
    const nextHole = from.nextUnallocatedOffset(at);
    const dataEnd = nextHole < 0 ? endBytes : Math.min(nextHole, endBytes);
    for (let slice = at; slice < dataEnd; slice += MOVE_SLICE_BYTES) {
      const length = Math.min(MOVE_SLICE_BYTES, dataEnd - slice);
      if (scratch.length < length) scratch = new Uint8Array(MOVE_SLICE_BYTES);
      const view = scratch.subarray(0, length);
      from.readInto(slice, view);
      to.write(slice, view);
      moved += length;
    }
    at = dataEnd;
  }
  return moved;
}
