// The simulated storage as one object: commands in, typed events out. It runs at its own pace:
// tick() batches copy work, host workloads, timers and completions; commands change state at once.
// This class is the façade: each concern lives in its own module over one EngineState —
//   core/       the state, the registry of relationships, volumes
//   commands/   copy commands and the rules they share
//   lifecycle/  transitions, entry/exit actions, timers (as the service tables name them)
//   io/         host reads and writes, workloads
//   faults/     controllers, ownership, fault injection
//   schedule/   ticks, stepping, copiers, completions, the volume-copy queue
//   views/      what callers read; preview/ what a command would do
import * as copies from './commands/copies';
import * as freeze from './commands/freeze';
import * as snapshots from './commands/snapshots';
import type { CreateCopyInput } from './copy/create-input';
import type { Relationship } from './copy/relationship';
import type { ActionAvailability } from './copy/tables';
import type { AutomaticEvent, CopyType, StateSpec } from './copy/types';
import type { EngineOptions } from './core/options';
import { register } from './core/registry';
import { EngineState } from './core/state';
import * as volumes from './core/volumes';
import type { EngineListener } from './events';
import { changeOwner, moveVolume, ownerChangeBlock, refreshStatus, restoreTargetOwner } from './faults/controllers';
import type { Fault, FaultInput } from './faults/fault';
import * as faults from './faults/inject';
import { newChainMemo, type ChainMemo } from './io/chain';
import * as host from './io/host-commands';
import type { HostWriteHandle, SavedRelationships } from './io/write-queue';
import type { Workload, WorkloadSpec } from './io/workload';
import { automatic, resumeTimer } from './lifecycle/lifecycle';
import { refreshVolume, unregister } from './core/registry';
import type { ArrayState, ControllerSlot, VolumeState } from './model';
import type { Fleet, FleetSnapshot, GroupState } from './fleet';
import { preview } from './preview/preview';
import type { Preview, PreviewCommand } from './preview/types';
import * as schedule from './schedule/tick';
import type { Clock, ClockSpeed } from './time/clock';
import * as views from './views/views';

export { TICK_MOVED_BYTES_MAX } from './schedule/tick';
export type { CopyView, EligibilityEntry } from './views/views';
export type { CreateCopyInput, EngineOptions };

export class Engine {
  private readonly s: EngineState;
  /** Commands running (nested through listeners): reads during one must not remember chains. */
  private changing = 0;
  /**
   * The actions worked out between changes, kept as long as the chains are: what they depend on (a
   * state, a group, a sibling's state, a fault, a freeze) changes only by commands and events that
   * drop the kept chains, never by progress. The console's pushes ask for every moving copy's
   * actions twice a second.
   */
  private readonly keptActions = new WeakMap<ChainMemo, Map<Relationship, ActionAvailability[]>>();

  constructor(options: EngineOptions) {
    this.s = new EngineState(options);
    this.s.beforeWrite = (volumeId, offsetBytes, lengthBytes) => snapshots.failFullRepositories(this.s, volumeId, offsetBytes, lengthBytes);
  }

  get fleet(): Fleet {
    return this.s.fleet;
  }

  get clock(): Clock {
    return this.s.clock;
  }

  /**
   * Reads between changes share the chains they work out (io/chain.ts ChainMemo): the console's
   * pushes and the persister ask for the views of hundreds of mappings of one source between two
   * ticks, and each view walks the chain. Every command and tick goes through change(), which
   * forgets them, so no read sees chains from before a change.
   */
  private read<T>(look: () => T): T {
    if (this.changing === 0 && this.s.io.chainMemo === null) {
      // The chains the last tick worked out, unless something other than progress happened since.
      if (this.s.options.exhaustiveTicks === true) this.s.io.chainMemo = newChainMemo();
      else this.s.io.chainMemo = this.s.keptChainMemo ??= newChainMemo();
    }
    return look();
  }

  /** `tick`: the engine's own tick, which forgets kept chains only when an event says they changed. */
  private change<T>(command: () => T, tick = false): T {
    this.changing += 1;
    this.s.io.chainMemo = null;
    if (!tick) this.s.keptChainMemo = null;
    try {
      return command();
    } finally {
      this.changing -= 1;
      this.s.io.chainMemo = null;
      if (!tick) this.s.keptChainMemo = null;
    }
  }

  // ---- wiring ------------------------------------------------------------------------------

  /** Starts from saved state: the fleet and the relationships as they were persisted. */
  load(snapshot: FleetSnapshot, relationships: readonly Relationship[] = []): void {
    this.change(() => {
      this.s.fleet.load(snapshot);
      for (const relationship of relationships) {
        register(this.s, relationship);
        this.s.queuedCount = Math.max(this.s.queuedCount, relationship.queuedOrder);
        resumeTimer(this.s, relationship);
        freeze.resumeFreeze(this.s, relationship);
      }
      for (const volume of this.s.fleet.allVolumes()) refreshVolume(this.s, volume.id, false);
    });
  }

  /** The faults in force when the server stopped; their consequences are already in the saved state. */
  loadFaults(list: readonly Fault[]): void {
    this.change(() => {
      for (const fault of list) this.s.faultBook.add(fault);
      // Statuses were judged at load() without the faults: judge them again with them.
      for (const volume of this.s.fleet.allVolumes()) refreshStatus(this.s, volume);
    });
  }

  /** Forgets a relationship whose creation could not be saved (no rules, no events). */
  discard(copyId: string): void {
    this.change(() => {
      const relationship = this.s.relationships.get(copyId);
      if (relationship === undefined) return;
      if (relationship.targetOwnerBeforeCopy !== null) restoreTargetOwner(this.s, relationship);
      unregister(this.s, relationship, 'discarded: not saved');
    });
  }

  on(listener: EngineListener): () => void {
    return this.s.on(listener);
  }

  store(volumeId: string) {
    return this.s.store(volumeId);
  }

  close(): void {
    this.change(() => {
      for (const store of this.s.stores.values()) store.close();
      this.s.stores.clear();
    });
  }

  // ---- volumes -----------------------------------------------------------------------------

  addVolume(volume: VolumeState): void {
    this.change(() => volumes.addVolume(this.s, volume));
  }

  growBlock(volumeId: string, capacityBytes: bigint): string | null {
    return volumes.growBlock(this.s, volumeId, capacityBytes);
  }

  growVolume(volumeId: string, capacityBytes: bigint): void {
    this.change(() => volumes.growVolume(this.s, volumeId, capacityBytes));
  }

  renameVolume(volumeId: string, name: string): void {
    this.change(() => volumes.renameVolume(this.s, volumeId, name));
  }

  removeVolume(volumeId: string): void {
    this.change(() => volumes.removeVolume(this.s, volumeId));
  }

  // ---- reading state -----------------------------------------------------------------------

  /** Any relationship the engine holds, snapshots included (the persister saves them all). */
  relationship(id: string): Relationship | undefined {
    return this.s.relationships.get(id);
  }

  /** A copy relationship (never a snapshot: snapshots show as volumes). */
  copy(id: string): Relationship | undefined {
    const relationship = this.s.relationships.get(id);
    return relationship?.type === 'snapshot' ? undefined : relationship;
  }

  *copies(): IterableIterator<Relationship> {
    for (const relationship of this.s.relationships.values()) if (relationship.type !== 'snapshot') yield relationship;
  }

  /** Copy relationships naming the volume as source or target, in any state (snapshots aside). */
  copiesOf(volumeId: string): Relationship[] {
    return this.s.copiesOf(volumeId).filter((relationship) => relationship.type !== 'snapshot');
  }

  requireCopy(id: string): Relationship {
    return this.s.requireCopy(id);
  }

  // ---- snapshots (SANtricity) ----------------------------------------------------------------

  /** The snapshot relationship of a snapshot volume, if it is one. */
  snapshotOf(volumeId: string): Relationship | undefined {
    return snapshots.snapshotOf(this.s, volumeId);
  }

  /** The snapshots of a base volume, oldest first. */
  snapshotsOfBase(baseVolumeId: string): Relationship[] {
    return snapshots.snapshotsOfBase(this.s, baseVolumeId);
  }

  snapshotBlock(baseVolumeId: string): string | null {
    return snapshots.snapshotBlock(this.s, this.s.requireVolume(baseVolumeId));
  }

  createSnapshot(snapshotVolumeId: string): Relationship {
    return this.change(() => snapshots.createSnapshot(this.s, snapshotVolumeId));
  }

  actOnSnapshot(snapshotVolumeId: string, action: string): Relationship {
    return this.change(() => snapshots.actOnSnapshot(this.s, snapshotVolumeId, action));
  }

  snapshotRemovalBlock(snapshotVolumeId: string): string | null {
    return snapshots.snapshotRemovalBlock(this.s, snapshotVolumeId);
  }

  removeSnapshot(snapshotVolumeId: string): void {
    this.change(() => snapshots.removeSnapshot(this.s, snapshotVolumeId));
  }

  requireVolume(id: string): VolumeState {
    return this.s.requireVolume(id);
  }

  requireArray(id: string): ArrayState {
    return this.s.requireArray(id);
  }

  requireFault(id: string): Fault {
    return this.s.requireFault(id);
  }

  specOf(relationship: Relationship): StateSpec {
    return this.s.specOf(relationship);
  }

  view(relationship: Relationship): views.CopyView {
    return this.read(() => views.view(this.s, relationship));
  }

  /** The progress and differential of a relationship alone: what the persister's progress saves write. */
  progressView(relationship: Relationship): Pick<views.CopyView, 'progress' | 'differentialBytes'> {
    return views.progressView(this.s, relationship);
  }

  /** The figures a progress-only push sends (lib/realtime/progress-wire.ts), without building the whole view. */
  progressFields(relationship: Relationship): ReturnType<typeof views.progressFields> {
    return this.read(() => views.progressFields(this.s, relationship));
  }

  /** The same array for the same question between two changes: callers must not change it. */
  actions(relationship: Relationship): ActionAvailability[] {
    return this.read(() => {
      // During a command or tick the memo may predate what the command has just changed.
      const memo = this.changing === 0 && this.s.options.exhaustiveTicks !== true ? this.s.io.chainMemo : null;
      if (memo === null || memo === undefined) return views.actions(this.s, relationship);
      let kept = this.keptActions.get(memo);
      if (kept === undefined) this.keptActions.set(memo, (kept = new Map()));
      let answer = kept.get(relationship);
      if (answer === undefined) kept.set(relationship, (answer = views.actions(this.s, relationship)));
      return answer;
    });
  }

  /** For every volume of the source's array: may it be the target, and if not, why. */
  eligibility(type: CopyType, sourceVolumeId: string): views.EligibilityEntry[] {
    return views.eligibility(this.s, type, sourceVolumeId);
  }

  /** What the commands would do, in order, judged as one list; nothing changes. */
  preview(commands: readonly PreviewCommand[]): Preview[] {
    return this.change(() => preview(this.s, commands));
  }

  workload(volumeId: string): Workload | undefined {
    return this.s.workloads.get(volumeId);
  }

  faults(): Fault[] {
    return this.s.faultBook.all();
  }

  // ---- copy commands -----------------------------------------------------------------------

  createCopy(input: CreateCopyInput): Relationship {
    return this.change(() => copies.createCopy(this.s, input));
  }

  checkCopyName(copyId: string, name: string): void {
    copies.checkCopyName(this.s, copyId, name);
  }

  renameCopy(copyId: string, name: string): Relationship {
    return this.change(() => copies.renameCopy(this.s, copyId, name));
  }

  setCopyGroup(copyId: string, groupId: string | null, options: { leaveInAnyState?: boolean } = {}): Relationship {
    return this.change(() => copies.setCopyGroup(this.s, copyId, groupId, options));
  }

  /** `freeze`: DS6000, a start or resync in a consistency group freezes the source from the new T0. */
  act(copyId: string, action: string, mode?: string, options: freeze.FreezeOption = {}): Relationship {
    return this.change(() => copies.act(this.s, copyId, action, mode, options));
  }

  setOptions(copyId: string, input: Record<string, unknown>): Relationship {
    return this.change(() => copies.setOptions(this.s, copyId, input));
  }

  /** DELETE: ends the relationship; the target keeps its data. */
  removeCopy(copyId: string, options: { force?: boolean } = {}): void {
    this.change(() => copies.removeCopy(this.s, copyId, options));
  }

  /** Applies an action to every member at one point in time (one simulated instant). */
  actOnGroup(groupId: string, action: string, mode?: string, options: freeze.FreezeOption = {}): Relationship[] {
    return this.change(() => copies.actOnGroup(this.s, groupId, action, mode, options));
  }

  /** DS6000 unfreezeflash: releases every frozen source of the group at once; returns the members released. */
  thawGroup(groupId: string): Relationship[] {
    return this.change(() => freeze.thawGroup(this.s, groupId));
  }

  /** A consistency group created or renamed in the inventory: its name, for the engine's messages. */
  putGroup(group: GroupState): void {
    this.change(() => this.s.fleet.putGroup(group));
  }

  removeGroup(groupId: string): void {
    this.change(() => this.s.fleet.removeGroup(groupId));
  }

  /** Fires the table's automatic transition for `event` (and `mode`), if the state has one. */
  automatic(relationship: Relationship, event: AutomaticEvent, mode?: string): boolean {
    return this.change(() => automatic(this.s, relationship, event, mode));
  }

  // ---- host I/O ----------------------------------------------------------------------------

  hostWrite(volumeId: string, offsetBytes: number, data: Uint8Array): HostWriteHandle {
    return this.change(() => host.hostWrite(this.s, volumeId, offsetBytes, data));
  }

  /** The newest queued host write: a save of the relationships taken now covers its marks. */
  hostWriteMark(): number {
    return this.s.writeQueue.mark();
  }

  /** Host writes queued and not yet applied. */
  pendingHostWrites(): number {
    return this.s.writeQueue.size;
  }

  /**
   * The server's persister, so host writes that mark nothing new through saved relationships
   * reach the volume at once instead of waiting for a save (io/host-commands.ts saveNeeded).
   */
  trackSaves(saved: SavedRelationships): void {
    this.s.saved = saved;
  }

  applyHostWrites(uptoSeq: number): void {
    // Every save calls this, four times a second: with no write waiting it must not drop the kept
    // chains (change() does), which every tick and push would then work out again.
    if (this.s.writeQueue.size === 0) return;
    this.change(() => host.applyHostWrites(this.s, uptoSeq));
  }

  hostRead(volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
    return host.hostRead(this.s, volumeId, offsetBytes, lengthBytes);
  }

  startWorkload(volumeId: string, spec: WorkloadSpec): Workload {
    return this.change(() => host.startWorkload(this.s, volumeId, spec));
  }

  stopWorkload(volumeId: string): boolean {
    return this.change(() => host.stopWorkload(this.s, volumeId));
  }

  // ---- controllers and faults --------------------------------------------------------------

  moveVolume(volumeId: string, to: ControllerSlot, reason: string): void {
    this.change(() => moveVolume(this.s, volumeId, to, reason));
  }

  /** Why the administrator cannot give the volume to controller `to` now, or null. */
  ownerChangeBlock(volumeId: string, to: ControllerSlot): string | null {
    return ownerChangeBlock(this.s, volumeId, to);
  }

  /** The administrator gives the volume to a controller (preferred and current owner). */
  changeOwner(volumeId: string, to: ControllerSlot): void {
    this.change(() => changeOwner(this.s, volumeId, to));
  }

  injectFault(input: FaultInput): Fault {
    return this.change(() => faults.injectFault(this.s, input));
  }

  clearFault(id: string): Fault {
    return this.change(() => faults.clearFault(this.s, id));
  }

  failController(arrayId: string, slot: ControllerSlot): Fault {
    return this.change(() => faults.failController(this.s, arrayId, slot));
  }

  restoreController(arrayId: string, slot: ControllerSlot): void {
    this.change(() => faults.restoreController(this.s, arrayId, slot));
  }

  // ---- simulated time ----------------------------------------------------------------------

  setSpeed(speed: ClockSpeed): void {
    this.change(() => schedule.setSpeed(this.s, speed));
  }

  /** Steps a paused simulation by `ms`, running the copy work that time covers. */
  advance(ms: number): void {
    this.change(() => schedule.advance(this.s, ms));
  }

  /** One engine tick: advance the clock by the wall time elapsed (or a 'max' step) and do the work. */
  tick(): number {
    return this.change(() => schedule.tick(this.s), true);
  }

  /**
   * Bytes every copy has accounted as copied since the engine started (simulated bytes, the unit
   * of progress): the fleet's aggregate throughput is its rate of change over simulated time.
   */
  copiedBytesSinceStart(): number {
    return this.s.copiedBytesTotal;
  }

  /** Relationships the last tick's copier visited: those that may move or just changed (schedule/active.ts). */
  visitedLastTick(): number {
    return this.s.visitedLastTick;
  }
}
