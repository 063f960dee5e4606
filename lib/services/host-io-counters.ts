// Host I/O is the data path, not a management action: it is counted, not audited one row per
// write (issue #16). Per volume since the server started: operations, bytes and refusals of
// every host path (the REST data endpoint and NBD), and the hosts attached over NBD now, for the
// volume's usage answer and page.
export interface HostIoCount {
  reads: number;
  writes: number;
  readBytes: number;
  writtenBytes: number;
  /** Reads and writes the engine or the access rules refused. */
  refusals: number;
  lastRefusal: string | null;
}

const emptyCount = (): HostIoCount => ({ reads: 0, writes: 0, readBytes: 0, writtenBytes: 0, refusals: 0, lastRefusal: null });

/** A host attached over a block protocol (NBD) right now. */
export interface HostConnection {
  protocol: 'nbd';
  user: string;
  address: string;
  readOnly: boolean;
  sinceIso: string;
}

/** Every volume's together since the server started; unlike a volume's, never forgotten (the metrics' counters only grow). */
export type HostIoTotals = Omit<HostIoCount, 'lastRefusal'>;

export class HostIoCounters {
  private readonly byVolume = new Map<string, HostIoCount>();
  private readonly connections = new Map<string, Set<HostConnection>>();
  private readonly total: HostIoTotals = { reads: 0, writes: 0, readBytes: 0, writtenBytes: 0, refusals: 0 };
  private connectionCount = 0;

  private of(volumeId: string): HostIoCount {
    let count = this.byVolume.get(volumeId);
    if (count === undefined) {
      count = emptyCount();
      this.byVolume.set(volumeId, count);
    }
    return count;
  }

  read(volumeId: string, lengthBytes: number): void {
    const count = this.of(volumeId);
    count.reads += 1;
    count.readBytes += lengthBytes;
    this.total.reads += 1;
    this.total.readBytes += lengthBytes;
  }

  wrote(volumeId: string, lengthBytes: number): void {
    const count = this.of(volumeId);
    count.writes += 1;
    count.writtenBytes += lengthBytes;
    this.total.writes += 1;
    this.total.writtenBytes += lengthBytes;
  }

  refused(volumeId: string, reason: string): void {
    const count = this.of(volumeId);
    count.refusals += 1;
    count.lastRefusal = reason.slice(0, 300);
    this.total.refusals += 1;
  }

  totals(): HostIoTotals {
    return { ...this.total };
  }

  /** Hosts attached over a block protocol now, every volume's together. */
  connectionsNow(): number {
    return this.connectionCount;
  }

  count(volumeId: string): HostIoCount {
    return { ...(this.byVolume.get(volumeId) ?? emptyCount()) };
  }

  /** Records a connection until the returned function is called. */
  connected(volumeId: string, connection: HostConnection): () => void {
    let open = this.connections.get(volumeId);
    if (open === undefined) {
      open = new Set();
      this.connections.set(volumeId, open);
    }
    open.add(connection);
    this.connectionCount += 1;
    return () => {
      if (!open.delete(connection)) return;
      this.connectionCount -= 1;
      if (open.size === 0 && this.connections.get(volumeId) === open) this.connections.delete(volumeId);
    };
  }

  connectionsOf(volumeId: string): HostConnection[] {
    return [...(this.connections.get(volumeId) ?? [])].map((connection) => ({ ...connection }));
  }

  forget(volumeId: string): void {
    this.byVolume.delete(volumeId);
  }
}
