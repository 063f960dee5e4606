// Progress as the console shows it: percent, bytes, rate, ETA and the differential size.
import type { GrainBitmap } from '../data/grain-bitmap';
import type { Relationship } from './relationship';
import type { StateSpec } from './types';

export interface Progress {
  percent: number;
  copiedBytes: number;
  totalBytes: number;
  rateBytesPerSec: number;
  etaSeconds: number | null;
}

export function progressOf(relationship: Relationship, spec: StateSpec, nominalRateBytesPerSec: number): Progress {
  const remainingGrains = relationship.toCopy.count();
  // Mirrors report how much of the volume is in sync (XP7's pair %); copies report the current cycle.
  const totalGrains = spec.data === 'mirror' ? relationship.grainCount : relationship.cycleGrains;
  const doneGrains = Math.max(0, totalGrains - remainingGrains);
  const capacity = relationship.sourceCapacityBytes;
  const totalBytes = Math.min(totalGrains * relationship.grainBytes, capacity);
  const copiedBytes = Math.min(doneGrains * relationship.grainBytes, totalBytes);
  // No grains in the cycle: complete if a copy ever completed (an incremental start with nothing
  // changed), not begun otherwise (a mapping still preparing, a copy created stopped).
  const percent =
    totalGrains === 0 ? (relationship.copiedOnce || relationship.pointInTimeMs !== null ? 100 : 0) : Math.floor((doneGrains / totalGrains) * 1000) / 10;
  const copying = spec.copier !== 'none' && remainingGrains > 0;
  const rate = copying ? relationship.rateBytesPerSec || nominalRateBytesPerSec : 0;
  const remainingBytes = Math.max(0, totalBytes - copiedBytes);
  const etaSeconds = copying && rate > 0 ? Math.ceil(remainingBytes / rate) : remainingBytes === 0 ? 0 : null;
  return { percent, copiedBytes, totalBytes, rateBytesPerSec: Math.round(rate), etaSeconds };
}

interface DifferentialCount {
  /** The bitmaps counted and their versions: a different object or version means count again. */
  bitmaps: GrainBitmap[];
  versions: number[];
  changedGrains: number;
}

/** The last count per relationship: bitmaps of a 1 TiB volume are 16 M grains, scanned whole. */
const differentialCounts = new WeakMap<Relationship, DifferentialCount>();

/** Bytes changed since the point in time (or out of sync, for a mirror). */
export function differentialBytesOf(relationship: Relationship, spec: StateSpec): number {
  // Asked on every push and save of every copy: counted without building the union, and only
  // again when one of the bitmaps changed since the last count.
  const bitmaps =
    spec.data === 'mirror' ? [relationship.sourceDiff, relationship.targetDiff, relationship.toCopy] : [relationship.sourceDiff, relationship.targetDiff];
  const versions = bitmaps.map((bitmap) => bitmap.version);
  const known = differentialCounts.get(relationship);
  let changedGrains: number;
  if (
    known !== undefined &&
    known.bitmaps.length === bitmaps.length &&
    known.bitmaps.every((bitmap, index) => bitmap === bitmaps[index] && known.versions[index] === versions[index])
  ) {
    changedGrains = known.changedGrains;
  } else {
    changedGrains = relationship.sourceDiff.countUnion(bitmaps.slice(1));
    differentialCounts.set(relationship, { bitmaps, versions, changedGrains });
  }
  return Math.min(changedGrains * relationship.grainBytes, relationship.sourceCapacityBytes);
}

/** Smooths the measured copy rate over roughly `windowMs` of simulated time. */
export function smoothRate(previousBytesPerSec: number, accountedBytes: number, elapsedMs: number, windowMs = 5_000): number {
  if (elapsedMs <= 0) return previousBytesPerSec;
  const sample = (accountedBytes * 1000) / elapsedMs;
  const weight = Math.min(1, elapsedMs / windowMs);
  return previousBytesPerSec + (sample - previousBytesPerSec) * weight;
}
