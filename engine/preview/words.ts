// Sizes and durations in the preview's sentences, in the binary units the console uses.
import { formatBytes } from '../units';

/** A size in the engine's one style (engine/units.ts), the same the console's tables show. */
export function bytesText(bytes: number): string {
  return formatBytes(bytes);
}

export function durationText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}
