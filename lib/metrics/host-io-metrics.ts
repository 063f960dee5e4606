// Host I/O of every host path (the REST data path and NBD) since the server started, and the hosts
// attached over NBD now. Totals, not per volume: a label per volume would be a series per volume
// (the volume's own page and usage answer have its counts).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { VolumeSyncs } from '../persist/volume-syncs';
import type { HostIoCounters } from '../services/host-io-counters';

export type HostIoSource = Pick<HostIoCounters, 'totals' | 'connectionsNow'>;
export type HostSyncSource = Pick<VolumeSyncs, 'syncCount' | 'answeredCount'>;

export function registerHostIoMetrics(registry: Registry, counters: HostIoSource, syncs: HostSyncSource): void {
  // Counters read at the scrape from running totals, which only grow.
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  const fromTotals = (name: string, help: string, read: (totals: ReturnType<HostIoSource['totals']>) => number) =>
    counter(name, help, () => read(counters.totals()));
  fromTotals('grainline_host_reads_total', 'Host reads answered (REST data path and NBD)', (t) => t.reads);
  fromTotals('grainline_host_writes_total', 'Host writes made durable (REST data path and NBD)', (t) => t.writes);
  fromTotals('grainline_host_read_bytes_total', 'Bytes hosts read', (t) => t.readBytes);
  fromTotals('grainline_host_written_bytes_total', 'Bytes hosts wrote', (t) => t.writtenBytes);
  fromTotals('grainline_host_refusals_total', 'Host reads and writes refused (by the engine or the access rules)', (t) => t.refusals);
  // Group commit at work: waiters per sync above 1 means writers shared an fdatasync.
  counter('grainline_host_syncs_total', "Volume fdatasyncs run for hosts' durable writes and flushes", () => syncs.syncCount);
  counter('grainline_host_sync_waiters_total', 'Durable host writes and flushes those fdatasyncs answered', () => syncs.answeredCount);
  new Gauge({
    name: 'grainline_nbd_connections',
    help: 'Hosts attached to a volume over NBD now',
    registers: [registry],
    collect() {
      this.set(counters.connectionsNow());
    },
  });
}
