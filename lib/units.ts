// Byte units and their human forms, shared by the API's validation and the UI.

export const KiB = 1024n;
export const MiB = 1024n * KiB;
export const GiB = 1024n * MiB;
export const TiB = 1024n * GiB;

export const SIZE_UNITS = ['MiB', 'GiB', 'TiB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];
const UNIT_BYTES: Record<SizeUnit, bigint> = { MiB, GiB, TiB };

// One style for sizes, the engine's (its reasons and previews use it too): "1 TiB", not "1024 GiB".
import { formatBytes } from '../engine/units';

export { formatBytes };

/** Bytes for an amount in a unit, or null when the amount is not a finite non-negative number. */
export function toBytes(amount: string, unit: SizeUnit): bigint | null {
  const text = amount.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole) * scale + BigInt(fraction === '' ? '0' : fraction);
  const numerator = scaled * UNIT_BYTES[unit];
  if (numerator % scale !== 0n) return null;
  return numerator / scale;
}

/** "12.5 MiB/s": a rate in bytes per (simulated) second. */
export function formatRate(bytesPerSec: number): string {
  return `${formatBytes(Math.round(bytesPerSec))}/s`;
}
