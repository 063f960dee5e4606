// How far the clock the cluster's timestamps are on (PostgreSQL's, answered as `now` by
// GET /api/cluster) is ahead of this browser's. "Last heartbeat 2 s ago" compares a database
// timestamp with now: on a browser whose clock is off by a minute it would read "a minute ago".
// Network latency makes the estimate late by at most one request's time.
let offsetMs = 0;

export function noteServerTime(serverIso: string, receivedAtMs: number): void {
  const serverMs = Date.parse(serverIso);
  if (Number.isFinite(serverMs)) offsetMs = serverMs - receivedAtMs;
}

/** Add to this browser's Date.now() to get the server's clock. */
export function serverClockOffsetMs(): number {
  return offsetMs;
}
