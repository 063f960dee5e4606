// How SVC prints sizes and times: "10.00GB" (or bytes with -bytes) and YYMMDDHHMMSS.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** A capacity as the CLI shows it without -bytes: two decimals in the largest fitting unit. */
export function svcCapacity(bytes: bigint | number, asBytes: boolean): string {
  const value = typeof bytes === 'bigint' ? bytes : BigInt(Math.round(bytes));
  if (asBytes) return value.toString();
  let scaled = Number(value);
  let unit = 0;
  while (scaled >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  return `${scaled.toFixed(2)}${UNITS[unit]}`;
}

/** Bytes of `size` in `unit` (b, kb, mb, gb, tb, pb; SVC's default is mb), or null when not a size. */
export function bytesOf(size: string, unit: string): bigint | null {
  const index = ['b', 'kb', 'mb', 'gb', 'tb', 'pb'].indexOf(unit.toLowerCase());
  if (index < 0 || !/^\d+(\.\d+)?$/.test(size)) return null;
  const [whole, fraction = ''] = size.split('.') as [string, string?];
  const scale = 1024n ** BigInt(index);
  const digits = BigInt(whole + fraction);
  return (digits * scale) / 10n ** BigInt(fraction.length);
}

const two = (n: number) => String(n).padStart(2, '0');

/** YYMMDDHHMMSS of an ISO time (UTC: the simulated arrays keep UTC), or "" for none. */
export function svcTime(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`;
}
