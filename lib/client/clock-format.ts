// Every time the console shows goes through here, so one clock and one format hold everywhere: event
// times are the simulated clock's (the one copies run by and the header shows), the wall time is on
// hover. Account times (sign-ins, token expiry) are wall times: they happen outside the simulation.
const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-22" and "14:03:07" in the browser's time zone: sortable at a glance, no locale surprises. */
export function clockParts(timeMs: number): { date: string; time: string } {
  const time = new Date(timeMs);
  return {
    date: `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`,
    time: `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`,
  };
}

/** "2026-11-22 14:03:07"; text that is not a time is shown as it came. */
export function formatTimestamp(iso: string): string {
  const timeMs = new Date(iso).getTime();
  if (Number.isNaN(timeMs)) return iso;
  const parts = clockParts(timeMs);
  return `${parts.date} ${parts.time}`;
}

export interface ShownTime {
  /** What the cell shows. */
  text: string;
  /** The `dateTime` attribute: the instant shown. */
  iso: string;
  /** The hover text: which clock it is, and the other one when known. */
  title: string;
}

/** A simulated time with, when known, the wall time it happened at. */
export function simulatedTime(simulatedIso: string, wallIso?: string): ShownTime {
  const wall = wallIso === undefined ? '' : ` · real time ${formatTimestamp(wallIso)}`;
  return { text: formatTimestamp(simulatedIso), iso: simulatedIso, title: `Simulated time${wall}` };
}

/** An event's time: simulated, or the wall time for entries logged before the simulated clock was kept. */
export function eventTime(event: { time: string; simulatedTime: string | null }): ShownTime {
  if (event.simulatedTime !== null) return simulatedTime(event.simulatedTime, event.time);
  return { text: formatTimestamp(event.time), iso: event.time, title: 'Real time (logged before simulated time was kept)' };
}

/** A wall-clock time outside the simulation (sign-ins, tokens). */
export function wallTime(iso: string): ShownTime {
  return { text: formatTimestamp(iso), iso, title: 'Real time' };
}
