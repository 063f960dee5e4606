// How the server (or a test) builds an engine: its clock, where volume contents live, ids, seeds.
import type { VolumeStore } from '../data/volume-store';
import type { VolumeState } from '../model';
import type { Clock } from '../time/clock';

export interface EngineOptions {
  clock: Clock;
  /** Opens (or creates) the store holding a volume's contents. */
  openStore: (volume: VolumeState) => VolumeStore;
  /** Removes a deleted volume's contents. */
  removeStore?: (volumeId: string) => void;
  newId: () => string;
  /** Seed for simulated host workloads. */
  seed?: number;
  /**
   * Hold host writes' data until the server has saved the bitmaps they marked and calls
   * applyHostWrites (io/write-queue.ts). Off: data is written at once (tests, simulations).
   */
  deferHostWrites?: boolean;
  /** Bound of the deferred host-write queue (io/write-queue.ts HOST_WRITES_QUEUED_MAX by default). */
  hostWritesQueuedMax?: number;
  /**
   * Every tick visits every relationship and works every chain out afresh, as before the active
   * set (schedule/active.ts) and chains kept across ticks (core/state.ts keptChainMemo): the
   * reference those are checked against in tests. Off by default.
   */
  exhaustiveTicks?: boolean;
}
