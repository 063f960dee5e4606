// Since when the oldest change not yet on record has waited: the persister's lag, for the metrics.
// Saves run one at a time (the persister's queue), so a change is either pending (no save took it
// yet) or taken by the one save in flight; a failed save gives what it took back to pending.
export class UnsavedSince {
  private pendingSinceMs: number | null = null;
  private takenSinceMs: number | null = null;

  /** `nowMs`: epoch ms; read only for the first change after a take (progress marks every tick). */
  constructor(private readonly nowMs: () => number = Date.now) {}

  /** A change arrived (only the first since the last take matters: it is the oldest). */
  mark(): void {
    if (this.pendingSinceMs === null) this.pendingSinceMs = this.nowMs();
  }

  /** A save took everything pending. */
  take(): void {
    this.takenSinceMs = earliest(this.takenSinceMs, this.pendingSinceMs);
    this.pendingSinceMs = null;
  }

  /** What was pending went on record another way (a save that took it as part of something else). */
  nonePending(): void {
    this.pendingSinceMs = null;
  }

  /** The save that took them committed. */
  saved(): void {
    this.takenSinceMs = null;
  }

  /** The save that took them did not commit (all of it, or some: its changes wait for the next). */
  failed(): void {
    this.pendingSinceMs = earliest(this.takenSinceMs, this.pendingSinceMs);
    this.takenSinceMs = null;
  }

  /** When the oldest unsaved change arrived, epoch ms; null when everything is saved. */
  oldestMs(): number | null {
    return earliest(this.pendingSinceMs, this.takenSinceMs);
  }
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
