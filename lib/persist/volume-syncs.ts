// Group commit for host data. A host write is acknowledged only once its bytes are durable (the
// volume's fdatasync). Writers share syncs: per volume, one sync runs at a time (on libuv's worker
// pool, FileStore.syncData), and everyone who asks while it runs is answered by the next one,
// which starts as soon as it ends. So under load each fdatasync covers every write that arrived
// during the previous one, and the syncs per second stay at what the disk does however many
// writers there are. A first ask waits a turn of the event loop (setImmediate), so requests that
// arrived together share even the first sync.
export type SyncVolume = (volumeId: string) => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class VolumeSyncs {
  /** Writers waiting for a sync that has not started yet. */
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly running = new Set<string>();
  private readonly scheduled = new Set<string>();
  /** fdatasync runs made, and the writers they answered (shared = answered − syncs). */
  syncCount = 0;
  answeredCount = 0;

  constructor(private readonly syncVolume: SyncVolume) {}

  /** Resolves once everything written to the volume before this call is durable. */
  sync(volumeId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiters = this.waiting.get(volumeId);
      if (waiters === undefined) this.waiting.set(volumeId, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
      if (this.running.has(volumeId) || this.scheduled.has(volumeId)) return; // the next run takes it
      this.scheduled.add(volumeId);
      setImmediate(() => {
        this.scheduled.delete(volumeId);
        this.start(volumeId);
      });
    });
  }

  private start(volumeId: string): void {
    const waiters = this.waiting.get(volumeId);
    if (waiters === undefined) return;
    this.waiting.delete(volumeId);
    this.running.add(volumeId);
    this.syncCount += 1;
    // A sync that throws at once (the volume was deleted) fails its writers like one that rejects.
    new Promise<void>((resolve) => resolve(this.syncVolume(volumeId)))
      .then(
        () => {
          this.answeredCount += waiters.length;
          for (const waiter of waiters) waiter.resolve();
        },
        (error: unknown) => {
          for (const waiter of waiters) waiter.reject(error);
        },
      )
      .finally(() => {
        this.running.delete(volumeId);
        // Writers who asked while this sync ran: their writes may have come after it began.
        this.start(volumeId);
      });
  }
}
