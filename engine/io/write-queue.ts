// Host writes held back until the bitmaps they marked are durable (EngineOptions.deferHostWrites).
//
// Why: a source write must never reach the volume file while a restart could still find its grain
// "not yet copied" — the target would then read the new data instead of T0's. The engine applies
// a write's rules at once (copy-on-write of T0 data to the target, marks, differences), queues the
// data, and writes it only when the server says a save covering those marks is on record
// (Engine.applyHostWrites). Until then reads of the volume return the data as it was, like a disk
// that has not completed the write yet; a write is acknowledged only once it is applied.

export type HostWriteState = 'pending' | 'applied' | 'refused';

export interface HostWriteHandle {
  /** Queue order; 0 for a write applied at once (no deferral). */
  readonly seq: number;
  state: HostWriteState;
  /** Why a refused write was refused (the volume went read-only or away meanwhile). */
  refusal: Error | null;
}

export interface QueuedWrite {
  handle: HostWriteHandle;
  volumeId: string;
  offsetBytes: number;
  data: Uint8Array;
}

export const APPLIED_AT_ONCE: Readonly<HostWriteHandle> = Object.freeze({ seq: 0, state: 'applied', refusal: null });

/** Whether a relationship's row on record matches it: see SavedRelationships. */
export type SaveState = 'saved' | 'saving' | 'unsaved';

/**
 * What the server's persister knows of each relationship's row: `saved` (it matches the
 * relationship now), `saving` (a save of changes in flight took it, and nothing changed since:
 * it will match once that commits), `unsaved`. A host write whose rules mark nothing new goes to
 * the volume at once through saved relationships, and waits for the save in flight (without
 * making the relationship need another) through saving ones.
 */
export interface SavedRelationships {
  saveState(relationshipId: string): SaveState;
}

/**
 * At most this many host writes wait for a save. Saves come every few milliseconds, so the bound
 * is met only when saving stalls; a write beyond it is refused as busy (503) before any of its
 * rules apply, so nothing is half done and nothing acknowledged is lost.
 */
export const HOST_WRITES_QUEUED_MAX = 4_096;
/** …and at most this many bytes of their data are held in memory. */
export const HOST_WRITE_BYTES_QUEUED_MAX = 256 * 1024 * 1024;

export class HostWriteQueue {
  private entries: QueuedWrite[] = [];
  private lastSeq = 0;
  private queuedBytes = 0;
  /** Volume id → writes of it waiting: a later write may not overtake them. */
  private readonly queuedByVolume = new Map<string, number>();
  private readonly writesMax: number;

  constructor(writesMax: number = HOST_WRITES_QUEUED_MAX) {
    this.writesMax = writesMax;
  }

  /** Why a write of `lengthBytes` cannot be queued now, or null. */
  fullFor(lengthBytes: number): string | null {
    if (this.entries.length >= this.writesMax) return `${this.entries.length} host writes are waiting to be saved (the most the engine holds): retry shortly`;
    if (this.queuedBytes + lengthBytes > HOST_WRITE_BYTES_QUEUED_MAX)
      return `${this.queuedBytes} bytes of host writes are waiting to be saved (the most the engine holds): retry shortly`;
    return null;
  }

  /** Queues a copy of `data` (callers such as workloads reuse their buffers). */
  add(volumeId: string, offsetBytes: number, data: Uint8Array): HostWriteHandle {
    this.lastSeq += 1;
    const handle: HostWriteHandle = { seq: this.lastSeq, state: 'pending', refusal: null };
    this.entries.push({ handle, volumeId, offsetBytes, data: data.slice() });
    this.queuedBytes += data.length;
    this.countVolume(volumeId, 1);
    return handle;
  }

  /** The newest write queued so far: a save taken now covers the marks of every write up to it. */
  mark(): number {
    return this.lastSeq;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Removes and returns, in order, the writes queued up to `uptoSeq`. */
  take(uptoSeq: number): QueuedWrite[] {
    const index = this.entries.findIndex((entry) => entry.handle.seq > uptoSeq);
    const taken = index < 0 ? this.entries : this.entries.slice(0, index);
    this.entries = index < 0 ? [] : this.entries.slice(index);
    for (const entry of taken) {
      this.queuedBytes -= entry.data.length;
      this.countVolume(entry.volumeId, -1);
    }
    return taken;
  }

  /** Puts writes that must wait for another save back at the front, in their order. */
  putBack(writes: QueuedWrite[]): void {
    if (writes.length === 0) return;
    this.entries = [...writes, ...this.entries];
    for (const entry of writes) {
      this.queuedBytes += entry.data.length;
      this.countVolume(entry.volumeId, 1);
    }
  }

  /** Whether writes of this volume wait (cheaper than pendingOn for the write path). */
  hasPendingOn(volumeId: string): boolean {
    return this.queuedByVolume.has(volumeId);
  }

  private countVolume(volumeId: string, delta: number): void {
    const count = (this.queuedByVolume.get(volumeId) ?? 0) + delta;
    if (count > 0) this.queuedByVolume.set(volumeId, count);
    else this.queuedByVolume.delete(volumeId);
  }

  /** The writes waiting for a volume (the copier keeps their grains marked, see Engine). */
  pendingOn(volumeId: string): QueuedWrite[] {
    return this.entries.filter((entry) => entry.volumeId === volumeId);
  }

  /** A deleted volume's writes are refused. */
  refuseVolume(volumeId: string, refusal: Error): void {
    for (const entry of this.entries) {
      if (entry.volumeId !== volumeId) continue;
      entry.handle.state = 'refused';
      entry.handle.refusal = refusal;
    }
    this.entries = this.entries.filter((entry) => entry.volumeId !== volumeId);
    this.queuedBytes = this.entries.reduce((sum, entry) => sum + entry.data.length, 0);
    this.queuedByVolume.delete(volumeId);
  }
}
