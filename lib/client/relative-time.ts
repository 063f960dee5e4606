// Short spans of time as an operator reads them on the Copy Services Servers page: how long ago a
// node beat, how long the lease has left, how long a takeover took. Whole units, largest two only:
// "4 s", "2 min 5 s", "3 h 12 min", "2 d 4 h"; under ten seconds a takeover's duration keeps its
// fraction ("1.25 s"), because a second is the scale that matters there.

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const UNITS: readonly { ms: number; label: string }[] = [
  { ms: DAY_MS, label: 'd' },
  { ms: HOUR_MS, label: 'h' },
  { ms: MINUTE_MS, label: 'min' },
  { ms: SECOND_MS, label: 's' },
];

/** A span in whole units, the largest two that are not zero ("2 min 5 s", "3 h"); below a second "0 s". */
export function formatSpan(spanMs: number): string {
  let restS = Math.floor(Math.max(0, spanMs) / SECOND_MS);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const unitS = unit.ms / SECOND_MS;
    const count = Math.floor(restS / unitS);
    restS -= count * unitS;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit.label}`);
    if (parts.length === 2) break;
  }
  // "2 h 0 min" says no more than "2 h".
  const shown = parts.filter((part, index) => index === 0 || !part.startsWith('0 '));
  return shown.length === 0 ? '0 s' : shown.join(' ');
}

/** A precise short duration (a takeover, a lease): "850 ms", "1.25 s", "5 s", then as formatSpan. */
export function formatDuration(durationMs: number): string {
  const ms = Math.max(0, durationMs);
  if (ms < SECOND_MS) return `${Math.round(ms)} ms`;
  if (ms < 10 * SECOND_MS) return `${Number((ms / SECOND_MS).toFixed(2))} s`;
  return formatSpan(ms);
}

/**
 * How long ago an instant was, from `nowMs`: "just now" within the first second, then "4 s ago".
 * An instant slightly ahead of this browser's clock (the server's clock runs a little fast) is
 * "just now" too, not a negative age.
 */
export function formatAgo(iso: string, nowMs: number): string {
  const thenMs = Date.parse(iso);
  if (Number.isNaN(thenMs)) return iso;
  const elapsedMs = nowMs - thenMs;
  return elapsedMs < SECOND_MS ? 'just now' : `${formatSpan(elapsedMs)} ago`;
}

/** Time left until an instant in whole seconds, rounded up ("in 3 s"), or "expired 2 s ago" once past. */
export function formatExpiry(iso: string, nowMs: number): string {
  const atMs = Date.parse(iso);
  if (Number.isNaN(atMs)) return iso;
  const leftMs = atMs - nowMs;
  if (leftMs > 0) return `in ${formatSpan(Math.ceil(leftMs / SECOND_MS) * SECOND_MS)}`;
  return -leftMs < SECOND_MS ? 'expired just now' : `expired ${formatSpan(-leftMs)} ago`;
}
