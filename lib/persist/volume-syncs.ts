// Group commit for host data. A host write is acknowledged only once its bytes are durable
// (fdatasync of the volume file). Writers that arrive together share one sync per volume: a sync
// asked for now runs once the event loop has taken in every request that arrived with it
// (setImmediate runs after the loop's I/O callbacks), and answers all of them.
export type SyncVolume = (volumeId: string) => void;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class VolumeSyncs {
  private pending = new Map<string, Waiter[]>();
  private scheduled = false;
  /** fdatasync calls made, and the writers they answered (shared = answered - syncs). */
  syncCount = 0;
  answeredCount = 0;

  constructor(private readonly syncVolume: SyncVolume) {}

  /** Resolves once everything written to the volume before this call is durable. */
  sync(volumeId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiters = this.pending.get(volumeId);
      if (waiters === undefined) this.pending.set(volumeId, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  private run(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    for (const [volumeId, waiters] of batch) {
      try {
        this.syncVolume(volumeId);
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
        continue;
      }
      this.syncCount += 1;
      this.answeredCount += waiters.length;
      for (const waiter of waiters) waiter.resolve();
    }
  }
}
