// Byte counts in words, one style for every sentence the engine writes and every number the console
// shows (lib/units.ts re-exports it): binary units, the largest that keeps the number at least 1 —
// "1 TiB", never "1024 GiB" — so a reason and the table beside it never disagree.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const STEP = 1024;

/** "1.5 TiB", "512 MiB", "3 B": whole values without decimals, others with `fractionDigits`. */
export function formatBytes(bytes: bigint | number, fractionDigits = 1): string {
  let scaled = typeof bytes === 'bigint' ? Number(bytes) : bytes;
  let index = 0;
  while (Math.abs(scaled) >= STEP && index < UNITS.length - 1) {
    scaled /= STEP;
    index += 1;
  }
  const digits = index === 0 || Number.isInteger(scaled) ? 0 : fractionDigits;
  const shown = scaled.toFixed(digits);
  // Rounding can reach the next unit ("1024.0 GiB" for a hair under 1 TiB): say it in that unit.
  if (Number(shown) >= STEP && index < UNITS.length - 1) return `1 ${UNITS[index + 1]}`;
  return `${shown} ${UNITS[index]}`;
}
