// The one state every engine module works on: the fleet, the relationships and their indexes,
// open stores, workloads, faults and queued host writes, with the lookups all of them need.
import { CopyNames } from './copy-names';
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { stateSpec, tableOfRelationship } from '../copy/tables';
import type { ServiceTable, StateSpec } from '../copy/types';
import { copyGrains } from '../data/grain-copy';
import type { VolumeStore } from '../data/volume-store';
import { EngineError } from '../errors';
import type { EngineEvent, EngineListener } from '../events';
import { Fleet } from '../fleet';
import type { Fault } from '../faults/fault';
import { FaultBook } from '../faults/fault-book';
import { hasOnlineController } from '../faults/ownership';
import type { Holding } from '../io/access';
import { newChainMemo, type ChainMemo } from '../io/chain';
import type { IoStores } from '../io/host-io';
import type { Workload } from '../io/workload';
import { HostWriteQueue, type SavedRelationships } from '../io/write-queue';
import type { ArrayState, VolumeState } from '../model';
import { markFor } from '../schedule/active';
import type { Clock } from '../time/clock';
import type { EngineOptions } from './options';

export class EngineState {
  readonly fleet = new Fleet();
  readonly clock: Clock;
  readonly options: EngineOptions;
  readonly relationships = new Map<string, Relationship>();
  /** Volume id → ids of the relationships naming it as source or target. */
  readonly byVolume = new Map<string, Set<string>>();
  /** The relationships' names and numbers per array (registry.ts and renameCopy keep it). */
  readonly copyNames = new CopyNames();
  readonly stores = new Map<string, VolumeStore>();
  readonly workloads = new Map<string, Workload>();
  readonly faultBook = new FaultBook();
  readonly writeQueue: HostWriteQueue;
  readonly io: IoStores;
  private readonly listeners = new Set<EngineListener>();
  workloadSeed: number;
  /** SANtricity: how many copies ever joined a pending queue (their order of arrival). */
  queuedCount = 0;
  /** At speed 'max': the simulated step the last ticks showed the machine can cover. */
  sparseStepMs = 0;
  copierStart = 0;
  /** Ids of the relationships ticks visit (schedule/active.ts): those that may move or just changed. */
  readonly active = new Set<string>();
  /** Ids marked active since the tick under way began: the tick must not drop them from `active`. */
  readonly markedDuringWork = new Set<string>();
  /**
   * Ids marked active since the last settle (schedule/tick.ts): all a command's settle has to look
   * at, since every other active relationship was settled when it was last marked.
   */
  readonly markedSinceSettle = new Set<string>();
  /**
   * Chains worked out while no relationship changed state, chain or registration (io/chain.ts
   * ChainMemo), kept from tick to tick and for reads in between: with a thousand mappings copying,
   * working their image paths out afresh every tick was about 6 % of the server's profile (1-2 %
   * kept). Forgotten by any command
   * (Engine.change) and by any event that is not progress (schedule/active.ts markFor), before
   * the change it announces can be read through it.
   */
  keptChainMemo: ChainMemo | null = null;
  /** Relationships the last tick visited (tests prove idle ones cost nothing). */
  visitedLastTick = 0;
  copiedBytesTotal = 0;
  /** Set by the engine (commands/snapshots.ts failFullRepositories): kept out of here to spare an import cycle. */
  beforeWrite: (volumeId: string, offsetBytes: number, lengthBytes: number) => void = () => undefined;
  /** The server's record of what is saved (Engine.trackSaves); null: every deferred write waits for a save. */
  saved: SavedRelationships | null = null;

  constructor(options: EngineOptions) {
    this.options = options;
    this.clock = options.clock;
    this.workloadSeed = options.seed ?? 1;
    this.writeQueue = new HostWriteQueue(options.hostWritesQueuedMax);
    this.io = {
      store: (volumeId) => this.store(volumeId),
      holdings: (volumeId) => this.holdings(volumeId),
      copy: (from, to, grainBytes, first, count) => {
        const report = copyGrains(from, to, grainBytes, first, count);
        return report.bytesMoved + report.bytesZeroed;
      },
      beforeWrite: (volumeId, offsetBytes, lengthBytes) => {
        this.beforeWrite(volumeId, offsetBytes, lengthBytes);
        // It may have failed a snapshot (a state change): chains worked out before may no longer hold.
        this.keptChainMemo = null;
        if (this.io.chainMemo !== null) this.io.chainMemo = newChainMemo();
      },
      chainMemo: null,
    };
  }

  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    markFor(this, event);
    for (const listener of this.listeners) listener(event);
  }

  store(volumeId: string): VolumeStore {
    const open = this.stores.get(volumeId);
    if (open !== undefined) return open;
    const store = this.options.openStore(this.requireVolume(volumeId));
    this.stores.set(volumeId, store);
    return store;
  }

  /** A copy relationship by id: a snapshot is not one (commands/snapshots.ts reaches those by volume). */
  requireCopy(id: string): Relationship {
    const relationship = this.relationships.get(id);
    if (relationship === undefined || relationship.type === 'snapshot') throw new EngineError('not-found', `copy relationship "${id}" does not exist`);
    return relationship;
  }

  requireVolume(id: string): VolumeState {
    const volume = this.fleet.volume(id);
    if (volume === undefined) throw new EngineError('not-found', `volume "${id}" does not exist`);
    return volume;
  }

  requireArray(id: string): ArrayState {
    const array = this.fleet.array(id);
    if (array === undefined) throw new EngineError('not-found', `array "${id}" does not exist`);
    return array;
  }

  requireFault(id: string): Fault {
    const fault = this.faultBook.get(id);
    if (fault === undefined) throw new EngineError('not-found', `fault "${id}" is not in force: it never existed or was cleared`);
    return fault;
  }

  tableOf(relationship: Relationship): ServiceTable {
    return tableOfRelationship(relationship);
  }

  specOf(relationship: Relationship): StateSpec {
    return stateSpec(tableOfRelationship(relationship), relationship.state);
  }

  /** Every relationship holding the volume, with the spec of its state. */
  holdings(volumeId: string): Holding[] {
    const ids = this.byVolume.get(volumeId);
    if (ids === undefined) return [];
    return [...ids].map((id) => {
      const relationship = this.relationships.get(id);
      assert(relationship !== undefined, `volume index names unknown copy ${id}`);
      return { relationship, spec: this.specOf(relationship) };
    });
  }

  /** Relationships naming the volume as source or target, in any state. */
  copiesOf(volumeId: string): Relationship[] {
    return this.holdings(volumeId).map(({ relationship }) => relationship);
  }

  relationshipsOn(arrayId: string): Relationship[] {
    return [...this.relationships.values()].filter((relationship) => relationship.arrayId === arrayId);
  }

  /** Whether any controller of the array is online (with none, its volumes are offline). */
  arrayUp(arrayId: string): boolean {
    const array = this.fleet.array(arrayId);
    return array !== undefined && hasOnlineController(array.controllers);
  }
}
