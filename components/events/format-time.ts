const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-22 14:03:07" in the browser's time zone: sortable at a glance, no locale surprises. */
export function formatTimestamp(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}
