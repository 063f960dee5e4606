// The compact shape of `copies.progress`: what a progress-only push changes in a Copy (its progress,
// differential, updatedAt and Storwize chain figures), as one array per copy instead of the ~1 KB
// REST shape. Progress moves ten times a second for every copying relationship; the rest of a Copy
// changes with its state, which still goes out whole as `copies.updated`. Shared by the server
// (encode) and the console (decode): pure, no imports.

export const COPIES_PROGRESS = 'copies.progress';
/** The console's `watch` message (progress-watch.ts). */
export const WATCH_EVENT = 'watch';
/** A viewport of a tall screen plus overscan is well under this; a page asking more wants `all`. */
export const WATCH_IDS_MAX = 500;

/** What of a Copy a progress-only change may move (docs/api.md Copy). */
export interface CopyProgressFields {
  id: string;
  progress: { percent: number; copiedBytes: number; totalBytes: number; rateBytesPerSec: number; etaSeconds: number | null };
  differentialBytes: number;
  updatedAt: string;
  /** Storwize mappings only: cleaning, dependents and restores move with the copy. */
  chain?: unknown;
}

/**
 * `[id, percent, copiedBytes, totalBytes, rateBytesPerSec, etaSeconds, differentialBytes,
 * updatedAtMs]`, and the chain object last when the copy has one.
 */
export type ProgressTuple = [string, number, number, number, number, number | null, number, number, ...unknown[]];

/** Figures no screen shows more finely than this are rounded, which also keeps the JSON short. */
const PERCENT_DIGITS = 1_000;
const ETA_DIGITS = 10;

const round = (value: number, scale: number) => Math.round(value * scale) / scale;

export function encodeProgress(copy: CopyProgressFields): ProgressTuple {
  return encodeProgressAt({ ...copy, updatedAtMs: Date.parse(copy.updatedAt) });
}

/** encodeProgress from the engine's figures, whose time is still a number (no ISO string made and parsed back). */
export function encodeProgressAt(copy: Omit<CopyProgressFields, 'updatedAt'> & { updatedAtMs: number }): ProgressTuple {
  const { progress } = copy;
  const tuple: ProgressTuple = [
    copy.id,
    round(progress.percent, PERCENT_DIGITS),
    progress.copiedBytes,
    progress.totalBytes,
    Math.round(progress.rateBytesPerSec),
    progress.etaSeconds === null ? null : round(progress.etaSeconds, ETA_DIGITS),
    copy.differentialBytes,
    copy.updatedAtMs,
  ];
  if (copy.chain !== undefined) tuple.push(copy.chain);
  return tuple;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The fields a tuple carries, or null for anything that is not one (the console skips it). */
export function decodeProgress(tuple: unknown): CopyProgressFields | null {
  if (!Array.isArray(tuple) || tuple.length < 8 || tuple.length > 9) return null;
  const [id, percent, copiedBytes, totalBytes, rateBytesPerSec, etaSeconds, differentialBytes, updatedAtMs, chain] = tuple as unknown[];
  if (typeof id !== 'string' || !isNumber(percent) || !isNumber(copiedBytes) || !isNumber(totalBytes) || !isNumber(rateBytesPerSec)) return null;
  if (!(etaSeconds === null || isNumber(etaSeconds)) || !isNumber(differentialBytes) || !isNumber(updatedAtMs)) return null;
  return {
    id,
    progress: { percent, copiedBytes, totalBytes, rateBytesPerSec, etaSeconds },
    differentialBytes,
    updatedAt: new Date(updatedAtMs).toISOString(),
    ...(tuple.length === 9 ? { chain } : {}),
  };
}
