// The simulated storage as one object: commands in, typed events out. It runs at its own pace:
// tick() batches copy work, host workloads, timers and completions; commands change state at once.
import assert from 'node:assert';
import { copyStep } from './copy/copier';
import type { CreateCopyInput } from './copy/create-input';
import { applyEffect } from './copy/effects';
import { sourceProblems, targetOnlyReasons, targetReasons, type EligibilityContext, type HeldPair } from './copy/eligibility';
import { grainBytesFor, rateBytesPerSec, resolveOptions, type CopyOptions, type Ds6000Options, type StorwizeOptions } from './copy/options';
import { differentialBytesOf, progressOf, smoothRate, type Progress } from './copy/progress';
import { defaultName, nameProblems, smallestFreeNumber } from './copy/names';
import { grainSpan, newRelationship, type Relationship } from './copy/relationship';
import { actionsIn, automaticTransition, findTransition, stateSpec, tableFor, type ActionAvailability, type TransitionLookup } from './copy/tables';
import type { AutomaticEvent, CopyType, StateSpec, Transition } from './copy/types';
import { STORWIZE_PREPARE_MS, STORWIZE_STOPPING_MS } from './copy/flashcopy-storwize';
import { UPDATE_COPY_DIFFERENTIAL_RATIO, UPDATE_COPY_INTERVAL_MS } from './copy/shadowimage';
import { markSiblingsForReverse, REVERSE_RESYNC_STATE, siblingBlock, siblingsOf } from './copy/shadowimage-siblings';
import { copiesToStart } from './copy/volume-copy-queue';
import { copyGrains } from './data/grain-copy';
import type { VolumeStore } from './data/volume-store';
import { EngineError } from './errors';
import type { EngineEvent, EngineListener } from './events';
import { Fleet, type FleetSnapshot } from './fleet';
import { ARRAY_DOWN_EVENT, type Fault, type FaultInput } from './faults/fault';
import { FaultBook, FAULTS_MAX } from './faults/fault-book';
import { desiredOwner, hasOnlineController } from './faults/ownership';
import { checkAccess, isReadOnly, roleWord, type Holding } from './io/access';
import { applyWriteRules, readThrough, type IoStores } from './io/host-io';
import { APPLIED_AT_ONCE, HostWriteQueue, type HostWriteHandle } from './io/write-queue';
import { Workload, type WorkloadSpec } from './io/workload';
import { COPY_TYPE_BY_MODEL, otherSlot, type ArrayModel, type ArrayState, type ControllerSlot, type ControllerStatus, type VolumeState, type VolumeStatus } from './model';
import { Clock, type ClockSpeed } from './time/clock';

/** Real bytes the copier may move in one tick across all relationships (keeps ticks short). */
export const TICK_MOVED_BYTES_MAX = 64 * 1024 * 1024;
/** At speed 'max', the longest simulated step one tick may take. */
const MAX_SPEED_STEP_MS = 60_000;
/** ShadowImage's SMPL(PD) lasts this long before the pair is gone. */
const SHADOWIMAGE_DELETE_MS = 1_000;

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
}


export interface CopyView {
  id: string;
  name: string;
  number: number;
  type: CopyType;
  model: ArrayModel;
  arrayId: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  state: string;
  options: CopyOptions;
  progress: Progress;
  differentialBytes: number;
  grainBytes: number;
  consistencyGroupId: string | null;
  pointInTime: string | null;
  /** The last point in time taken, kept after a stop (null before the first start). */
  lastStarted: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EligibilityEntry {
  volumeId: string;
  eligible: boolean;
  /** Every reason, the source's first: sourceReasons then targetReasons. */
  reasons: string[];
  /** Problems of the source itself: no target can fix them (the same on every entry). */
  sourceReasons: string[];
  /** Problems of this volume as the target. */
  targetReasons: string[];
}

export type { CreateCopyInput };

export class Engine {
  readonly fleet = new Fleet();
  readonly clock: Clock;
  private readonly relationships = new Map<string, Relationship>();
  private readonly byVolume = new Map<string, Set<string>>();
  private readonly stores = new Map<string, VolumeStore>();
  private readonly workloads = new Map<string, Workload>();
  private readonly listeners = new Set<EngineListener>();
  private readonly faultBook = new FaultBook();
  private readonly options: EngineOptions;
  private workloadSeed: number;
  private queuedCount = 0;
  /** At speed 'max': the simulated step the last ticks showed the machine can cover. */
  private sparseStepMs = 0;
  private copierStart = 0;
  private copiedBytesTotal = 0;
  private readonly io: IoStores;
  private readonly writeQueue = new HostWriteQueue();

  constructor(options: EngineOptions) {
    this.options = options;
    this.clock = options.clock;
    this.workloadSeed = options.seed ?? 1;
    this.io = {
      store: (volumeId) => this.store(volumeId),
      copy: (from, to, grainBytes, first, count) => {
        const report = copyGrains(from, to, grainBytes, first, count);
        return report.bytesMoved + report.bytesZeroed;
      },
    };
  }

  // ---- wiring ------------------------------------------------------------------------------

  /** Starts from saved state: the fleet and the relationships as they were persisted. */
  load(snapshot: FleetSnapshot, relationships: readonly Relationship[] = []): void {
    this.fleet.load(snapshot);
    for (const relationship of relationships) {
      this.register(relationship);
      this.queuedCount = Math.max(this.queuedCount, relationship.queuedOrder);
      this.resumeTimer(relationship);
    }
    for (const volume of this.fleet.allVolumes()) this.refreshVolume(volume.id, false);
  }

  /** Timed states (prepare, stop, delete) continue where they were when the engine stopped. */
  private resumeTimer(relationship: Relationship): void {
    const timed: Record<string, [number, AutomaticEvent]> = {
      preparing: [STORWIZE_PREPARE_MS, 'prepared'],
      stopping: [STORWIZE_STOPPING_MS, 'stopped'],
      'SMPL(PD)': [SHADOWIMAGE_DELETE_MS, 'deleted'],
    };
    const entry = timed[relationship.state];
    if (entry === undefined) return;
    const dueMs = relationship.stateChangedAtMs + entry[0];
    this.after(relationship, Math.max(0, dueMs - this.clock.nowMs()), entry[1]);
  }

  /** Forgets a relationship whose creation could not be saved (no rules, no events). */
  discard(copyId: string): void {
    const relationship = this.relationships.get(copyId);
    if (relationship === undefined) return;
    if (relationship.targetOwnerBeforeCopy !== null) this.restoreTargetOwner(relationship);
    this.unregister(relationship, 'discarded: not saved');
  }

  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  store(volumeId: string): VolumeStore {
    const open = this.stores.get(volumeId);
    if (open !== undefined) return open;
    const volume = this.requireVolume(volumeId);
    const store = this.options.openStore(volume);
    this.stores.set(volumeId, store);
    return store;
  }

  close(): void {
    for (const store of this.stores.values()) store.close();
    this.stores.clear();
  }

  addVolume(volume: VolumeState): void {
    this.fleet.addVolume(volume);
    // Its store is made now, so a volume the data directory cannot hold is refused at creation
    // instead of failing on every read and write afterwards.
    try {
      this.store(volume.id);
    } catch (error) {
      this.stores.delete(volume.id);
      this.fleet.removeVolume(volume.id);
      const cause = (error as NodeJS.ErrnoException).code === 'EFBIG' ? "the data directory's file system cannot hold a file that large" : String((error as Error).message);
      const reason = `volume ${volume.name} (${volume.capacityBytes} bytes) cannot be stored: ${cause}`;
      throw new EngineError('rule', reason, [reason]);
    }
    this.emit({ kind: 'volume.added', volumeId: volume.id, arrayId: volume.arrayId });
    // A volume created while no controller of its array is online is offline like the others.
    this.refreshStatus(this.requireVolume(volume.id));
  }

  /** Why the volume cannot grow to `capacityBytes` now, or null (the service asks before the inventory changes). */
  growBlock(volumeId: string, capacityBytes: bigint): string | null {
    const volume = this.requireVolume(volumeId);
    if (capacityBytes <= volume.capacityBytes) return `volume ${volume.name} is ${volume.capacityBytes} bytes: it can only grow`;
    // Grain counts and bitmaps of a relationship are sized to its volumes when it is created.
    const held = this.holdings(volumeId)[0];
    if (held !== undefined) return `volume ${volume.name} is in ${held.relationship.type} relationship ${held.relationship.name}: remove it first`;
    return null;
  }

  /** The inventory grew the volume; its contents keep their place and the new space reads as zeros. */
  growVolume(volumeId: string, capacityBytes: bigint): void {
    const blocked = this.growBlock(volumeId, capacityBytes);
    if (blocked !== null) throw new EngineError('conflict', blocked);
    const volume = this.requireVolume(volumeId);
    const grown = this.store(volumeId).grow(Number(capacityBytes));
    this.stores.set(volumeId, grown);
    volume.capacityBytes = capacityBytes;
    this.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
  }

  /** The inventory renamed the volume; the engine's messages and views follow. */
  renameVolume(volumeId: string, name: string): void {
    const volume = this.requireVolume(volumeId);
    volume.name = name;
    this.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
  }

  removeVolume(volumeId: string): void {
    if ((this.byVolume.get(volumeId)?.size ?? 0) > 0) {
      throw new EngineError('conflict', `volume ${this.requireVolume(volumeId).name} is in a copy relationship`);
    }
    const { arrayId, name } = this.requireVolume(volumeId);
    this.writeQueue.refuseVolume(volumeId, new EngineError('not-found', `volume ${name} was deleted before the write was applied`));
    // A deleted volume takes its I/O error with it.
    const ioError = this.faultBook.ioErrorOn(volumeId);
    if (ioError !== undefined) this.forgetFault(ioError, 'volume deleted');
    const hadWorkload = this.workloads.delete(volumeId);
    this.stores.get(volumeId)?.close();
    this.stores.delete(volumeId);
    this.options.removeStore?.(volumeId);
    this.fleet.removeVolume(volumeId);
    if (hadWorkload) this.emit({ kind: 'workload.changed', volumeId, arrayId });
    this.emit({ kind: 'volume.removed', volumeId, arrayId });
  }

  // ---- reading state -----------------------------------------------------------------------

  copy(id: string): Relationship | undefined {
    return this.relationships.get(id);
  }

  copies(): IterableIterator<Relationship> {
    return this.relationships.values();
  }

  /** Relationships naming the volume as source or target, in any state. */
  copiesOf(volumeId: string): Relationship[] {
    return this.holdings(volumeId).map(({ relationship }) => relationship);
  }

  requireCopy(id: string): Relationship {
    const relationship = this.relationships.get(id);
    if (relationship === undefined) throw new EngineError('not-found', `copy relationship "${id}" does not exist`);
    return relationship;
  }

  requireVolume(id: string): VolumeState {
    const volume = this.fleet.volume(id);
    if (volume === undefined) throw new EngineError('not-found', `volume "${id}" does not exist`);
    return volume;
  }

  specOf(relationship: Relationship): StateSpec {
    return stateSpec(tableFor(relationship.model), relationship.state);
  }

  view(relationship: Relationship): CopyView {
    const spec = this.specOf(relationship);
    return {
      id: relationship.id,
      name: relationship.name,
      number: relationship.number,
      type: relationship.type,
      model: relationship.model,
      arrayId: relationship.arrayId,
      sourceVolumeId: relationship.sourceVolumeId,
      targetVolumeId: relationship.targetVolumeId,
      state: relationship.state,
      options: { ...relationship.options },
      progress: progressOf(relationship, spec, rateBytesPerSec(relationship.model, relationship.options)),
      differentialBytes: differentialBytesOf(relationship, spec),
      grainBytes: relationship.grainBytes,
      consistencyGroupId: relationship.consistencyGroupId,
      pointInTime: relationship.pointInTimeMs === null ? null : new Date(relationship.pointInTimeMs).toISOString(),
      lastStarted: relationship.lastStartedMs === null ? null : new Date(relationship.lastStartedMs).toISOString(),
      createdAt: new Date(relationship.createdAtMs).toISOString(),
      updatedAt: new Date(relationship.updatedAtMs).toISOString(),
    };
  }

  actions(relationship: Relationship): ActionAvailability[] {
    const table = tableFor(relationship.model);
    const grouped = relationship.consistencyGroupId !== null;
    return actionsIn(table, relationship.state).map((availability) => {
      if (!availability.allowed) return availability;
      if (grouped) return { ...availability, allowed: false, allowedModes: [], reason: 'the mapping is in a consistency group: act on the group' };
      // A fault in force may refuse what the table allows (an action that would move data).
      const modes: (string | undefined)[] = availability.modes.length > 0 ? [...availability.allowedModes] : [undefined];
      const open = modes.filter((mode) => this.lookupAction(relationship, availability.action, mode).ok);
      if (open.length > 0) return availability.modes.length > 0 ? { ...availability, allowedModes: open as string[] } : availability;
      const refusal = this.lookupAction(relationship, availability.action, modes[0]);
      return { ...availability, allowed: false, allowedModes: [], ...(refusal.ok ? {} : { reason: refusal.reason }) };
    });
  }

  workload(volumeId: string): Workload | undefined {
    return this.workloads.get(volumeId);
  }

  private holdings(volumeId: string): Holding[] {
    const ids = this.byVolume.get(volumeId);
    if (ids === undefined) return [];
    return [...ids].map((id) => {
      const relationship = this.relationships.get(id);
      assert(relationship !== undefined, `volume index names unknown copy ${id}`);
      return { relationship, spec: this.specOf(relationship) };
    });
  }

  private heldPairs(arrayId: string): HeldPair[] {
    return [...this.relationships.values()].filter((r) => r.arrayId === arrayId && this.specOf(r).holdsVolumes);
  }

  // ---- eligibility ---------------------------------------------------------------------------

  private eligibilityContext(type: CopyType, sourceVolumeId: string): EligibilityContext {
    const source = this.requireVolume(sourceVolumeId);
    const array = this.fleet.array(source.arrayId);
    assert(array !== undefined);
    const offered = COPY_TYPE_BY_MODEL[array.model];
    if (offered !== type) {
      throw new EngineError('rule', `array ${array.name} (${array.model}) offers ${offered}, not ${type}`, [`array ${array.name} offers ${offered} copies, not ${type}`]);
    }
    return { model: array.model, source, lssOf: (poolId) => this.fleet.pool(poolId)?.lss ?? null, held: this.heldPairs(array.id) };
  }

  /** For every volume of the source's array: may it be the target, and if not, why. */
  eligibility(type: CopyType, sourceVolumeId: string): EligibilityEntry[] {
    const context = this.eligibilityContext(type, sourceVolumeId);
    const ofSource = sourceProblems(context);
    return this.fleet.volumesOf(context.source.arrayId).map((volume) => {
      const ofTarget = targetOnlyReasons(context, volume);
      const reasons = volume.id === context.source.id ? ofTarget : [...ofSource, ...ofTarget];
      return { volumeId: volume.id, eligible: reasons.length === 0, reasons, sourceReasons: volume.id === context.source.id ? [] : ofSource, targetReasons: ofTarget };
    });
  }

  // ---- copy commands -------------------------------------------------------------------------

  createCopy(input: CreateCopyInput): Relationship {
    const context = this.eligibilityContext(input.type, input.sourceVolumeId);
    const target = this.requireVolume(input.targetVolumeId);
    const reasons = targetReasons(context, target);
    if (reasons.length > 0) throw new EngineError('rule', `${target.name} cannot be the target: ${reasons[0]}`, reasons);
    const model = context.model;
    const resolved = resolveOptions(model, input.options ?? {});
    if (!resolved.ok) throw new EngineError('invalid', `invalid options: ${resolved.reasons.join('; ')}`, resolved.reasons);
    const start = input.start ?? true;
    if (!start && (model === 'xp7' || model === 'ds6000')) {
      const what = model === 'xp7' ? 'a ShadowImage pair starts its initial copy when it is created' : 'a DS6000 FlashCopy relationship exists only once established at T0';
      throw new EngineError('rule', `start: false is not available: ${what}`, [what]);
    }
    const groupId = input.consistencyGroupId ?? null;
    if (groupId !== null && model !== 'storwize') {
      throw new EngineError('rule', 'consistency groups are a Storwize FlashCopy feature', ['consistency groups are a Storwize FlashCopy feature']);
    }
    const naming = this.nameFor(context.source.arrayId, model, input.name);
    const relationship = newRelationship({
      id: this.options.newId(),
      ...naming,
      model,
      type: input.type,
      arrayId: context.source.arrayId,
      sourceVolumeId: context.source.id,
      targetVolumeId: target.id,
      state: this.createdState(model, resolved.options, start),
      options: resolved.options,
      grainBytes: grainBytesFor(model, resolved.options),
      sourceCapacityBytes: Number(context.source.capacityBytes),
      consistencyGroupId: groupId,
      nowMs: this.clock.nowMs(),
    });
    this.register(relationship);
    this.emit({ kind: 'copy.created', copyId: relationship.id, arrayId: relationship.arrayId, state: relationship.state });
    if (model === 'storwize' && start) relationship.startWhenPrepared = true;
    this.enter(relationship, 'SMPL', this.createdEffect(model, start));
    this.afterChange(relationship);
    this.settle();
    return relationship;
  }

  private namesOn(arrayId: string, except?: string): { names: Set<string>; numbers: Set<number> } {
    const names = new Set<string>();
    const numbers = new Set<number>();
    for (const relationship of this.relationships.values()) {
      if (relationship.arrayId !== arrayId || relationship.id === except) continue;
      names.add(relationship.name.toLowerCase());
      numbers.add(relationship.number);
    }
    return { names, numbers };
  }

  private checkName(arrayId: string, name: string, except?: string): void {
    const problems = nameProblems(name);
    if (problems.length > 0) throw new EngineError('invalid', `invalid name "${name}": ${problems[0]}`, problems);
    if (this.namesOn(arrayId, except).names.has(name.toLowerCase())) {
      const reason = `a copy relationship named "${name}" already exists on array ${this.fleet.array(arrayId)?.name ?? arrayId}`;
      throw new EngineError('conflict', reason, [reason]);
    }
  }

  private nameFor(arrayId: string, model: ArrayModel, given: string | undefined): { name: string; number: number } {
    const taken = this.namesOn(arrayId);
    const number = smallestFreeNumber(taken.numbers);
    if (given === undefined) return { name: defaultName(model, number, taken.names), number };
    this.checkName(arrayId, given);
    return { name: given, number };
  }

  /** Throws unless `name` could be given to the relationship (a rename's check alone). */
  checkCopyName(copyId: string, name: string): void {
    const relationship = this.requireCopy(copyId);
    if (relationship.name !== name) this.checkName(relationship.arrayId, name, relationship.id);
  }

  /** Renames a relationship (SVC chfcmap -name); names are unique on an array, ignoring case. */
  renameCopy(copyId: string, name: string): Relationship {
    const relationship = this.requireCopy(copyId);
    if (relationship.name === name) return relationship;
    this.checkName(relationship.arrayId, name, relationship.id);
    const from = relationship.name;
    relationship.name = name;
    relationship.updatedAtMs = this.clock.nowMs();
    this.emit({ kind: 'copy.renamed', copyId, arrayId: relationship.arrayId, from, to: name });
    this.afterChange(relationship);
    return relationship;
  }

  /**
   * Moves a Storwize mapping into a consistency group or out of one (null). Only a mapping at rest
   * (idle_or_copied or stopped) moves: a group starts its members at one instant, which a mapping
   * already copying for itself would break. The caller has checked the group exists on the array.
   */
  setCopyGroup(copyId: string, groupId: string | null, options: { leaveInAnyState?: boolean } = {}): Relationship {
    const relationship = this.requireCopy(copyId);
    if (relationship.consistencyGroupId === groupId) return relationship;
    if (relationship.model !== 'storwize') throw new EngineError('rule', 'consistency groups are a Storwize FlashCopy feature', ['consistency groups are a Storwize FlashCopy feature']);
    // A group deleted with force lets its mappings go on alone, whatever they are doing.
    const atRest = ['idle_or_copied', 'stopped'].includes(relationship.state);
    if (!atRest && !(groupId === null && options.leaveInAnyState === true)) {
      throw new EngineError('conflict', `mapping ${relationship.name} is ${relationship.state}: only an idle_or_copied or stopped mapping changes consistency group`);
    }
    const from = relationship.consistencyGroupId;
    relationship.consistencyGroupId = groupId;
    relationship.updatedAtMs = this.clock.nowMs();
    this.emit({ kind: 'copy.group-changed', copyId, arrayId: relationship.arrayId, from, to: groupId });
    this.afterChange(relationship);
    return relationship;
  }

  private createdState(model: ArrayModel, options: CopyOptions, start: boolean): string {
    switch (model) {
      case 'santricity':
        return start ? 'pending' : 'stopped';
      case 'xp7':
        return 'COPY(PD)';
      case 'storwize':
        return start ? 'preparing' : 'idle_or_copied';
      case 'ds6000':
        return (options as Ds6000Options).mode === 'copy' ? 'copying' : 'nocopy';
    }
  }

  private createdEffect(model: ArrayModel, start: boolean): Transition['effect'] {
    if (!start || model === 'storwize') return 'none';
    return model === 'ds6000' ? 'point-in-time' : 'full-copy';
  }

  /** Consequences a command can have at once: queued copies starting, copies with nothing to do ending. */
  private settle(): void {
    this.completeCopies();
    this.scheduleVolumeCopies();
  }

  act(copyId: string, action: string, mode?: string): Relationship {
    const relationship = this.requireCopy(copyId);
    if (relationship.consistencyGroupId !== null) {
      throw new EngineError('conflict', `mapping ${relationship.name} is in a consistency group: ${action} the group, not one mapping`);
    }
    this.actOn(relationship, action, mode, 'action');
    this.afterChange(relationship);
    this.settle();
    return relationship;
  }

  private actOn(relationship: Relationship, action: string, mode: string | undefined, cause: string): void {
    const lookup = this.lookupAction(relationship, action, mode);
    if (!lookup.ok) {
      const kind = lookup.status === 400 ? 'invalid' : 'conflict';
      throw new EngineError(kind, `${relationship.name}: ${lookup.reason}`);
    }
    if (relationship.model === 'ds6000' && action === 'start') this.reestablish(relationship, lookup.transition.mode ?? 'copy');
    if (relationship.model === 'storwize' && action === 'start' && lookup.transition.to === 'preparing') relationship.startWhenPrepared = true;
    this.transition(relationship, lookup.transition, `${cause}:${action}${mode ? `(${mode})` : ''}`);
  }

  private reestablish(relationship: Relationship, mode: string): void {
    const context = this.eligibilityContext(relationship.type, relationship.sourceVolumeId);
    const reasons = [...sourceProblems(context), ...targetReasons(context, this.requireVolume(relationship.targetVolumeId))];
    if (reasons.length > 0) throw new EngineError('rule', `cannot establish again: ${reasons[0]}`, reasons);
    relationship.options = { ...relationship.options, mode } as Ds6000Options;
  }

  setOptions(copyId: string, input: Record<string, unknown>): Relationship {
    const relationship = this.requireCopy(copyId);
    const resolved = resolveOptions(relationship.model, input, relationship.options);
    if (!resolved.ok) throw new EngineError('invalid', `invalid options: ${resolved.reasons.join('; ')}`, resolved.reasons);
    relationship.options = resolved.options;
    relationship.updatedAtMs = this.clock.nowMs();
    this.emit({ kind: 'copy.options-changed', copyId, arrayId: relationship.arrayId, options: { ...input } });
    this.afterChange(relationship);
    this.settle();
    return relationship;
  }

  /** DELETE: ends the relationship; the target keeps its data. */
  removeCopy(copyId: string, options: { force?: boolean } = {}): void {
    const relationship = this.requireCopy(copyId);
    const blocked = this.removalBlock(relationship);
    // SVC's rmfcmap -force: a Storwize mapping goes in any state; its target keeps whatever it
    // holds, which is not a consistent image (stopped with the target data discarded first).
    const forced = options.force === true && relationship.model === 'storwize' && blocked !== null;
    if (blocked !== null && !forced) throw new EngineError('conflict', blocked);
    if (forced) this.transition(relationship, { from: [relationship.state], to: 'stopped', effect: 'discard-target' }, 'action:delete(force)');
    if (relationship.model === 'xp7') {
      if (relationship.state !== 'SMPL(PD)') this.transition(relationship, { from: [relationship.state], to: 'SMPL(PD)', effect: 'none' }, 'action:delete');
      this.afterChange(relationship);
      return;
    }
    if (relationship.model === 'santricity' && (relationship.state === 'in-progress' || relationship.state === 'pending')) {
      this.transition(relationship, { from: [relationship.state], to: 'stopped', effect: 'none' }, 'action:remove');
    }
    this.unregister(relationship, 'action:delete');
    this.settle();
  }

  private removalBlock(relationship: Relationship): string | null {
    const { model, state } = relationship;
    if (model === 'storwize' && !['idle_or_copied', 'stopped'].includes(state)) {
      return `mapping ${relationship.name} is ${state}: stop it before deleting (only idle_or_copied or stopped mappings can be deleted)`;
    }
    if (model === 'ds6000' && state !== 'ended') return `relationship ${relationship.name} is ${state}: withdraw it before deleting the record`;
    if (model === 'xp7' && state === 'SMPL(PD)') return `pair ${relationship.name} is already being deleted`;
    return null;
  }

  // ---- consistency groups (storwize) ---------------------------------------------------------

  /** Applies an action to every member at one point in time (one simulated instant). */
  actOnGroup(groupId: string, action: string, mode?: string): Relationship[] {
    const members = [...this.relationships.values()].filter((r) => r.consistencyGroupId === groupId);
    if (members.length === 0) throw new EngineError('conflict', 'the consistency group has no mappings');
    const refusals = members.flatMap((member) => {
      const lookup = this.lookupAction(member, action, mode);
      return lookup.ok ? [] : [`${member.id}: ${lookup.reason}`];
    });
    if (refusals.length > 0) throw new EngineError('conflict', `the consistency group cannot ${action}: ${refusals[0]}`, refusals);
    for (const member of members) this.actOn(member, action, mode, 'group');
    for (const member of members) this.afterChange(member);
    this.settle();
    return members;
  }

  // ---- host I/O ------------------------------------------------------------------------------

  /**
   * A host write: the relationships' rules apply at once (copy-on-write, marks, differences); the
   * data is written at once too, or, with deferHostWrites, when applyHostWrites says the marks are
   * saved. The handle tells which.
   */
  hostWrite(volumeId: string, offsetBytes: number, data: Uint8Array): HostWriteHandle {
    const volume = this.requireVolume(volumeId);
    this.checkRange(volume, offsetBytes, data.length);
    this.checkReachable(volume, 'write');
    const holdings = this.holdings(volumeId);
    checkAccess(volume, holdings, 'write');
    applyWriteRules(this.io, volumeId, holdings, offsetBytes, data.length);
    this.announceWrite(holdings);
    if (this.options.deferHostWrites !== true) {
      this.store(volumeId).write(offsetBytes, data);
      return APPLIED_AT_ONCE;
    }
    return this.writeQueue.add(volumeId, offsetBytes, data);
  }

  /** The newest queued host write: a save of the relationships taken now covers its marks. */
  hostWriteMark(): number {
    return this.writeQueue.mark();
  }

  /** Host writes queued and not yet applied. */
  pendingHostWrites(): number {
    return this.writeQueue.size;
  }

  /**
   * Writes the data of queued host writes up to `uptoSeq`, once a save covering their marks is on
   * record. A write whose rules mark something new by now (a mapping restarted, differences
   * cleared by a resync) waits for the next save; one its volume no longer accepts is refused.
   */
  applyHostWrites(uptoSeq: number): void {
    const waiting = [];
    for (const entry of this.writeQueue.take(uptoSeq)) {
      const volume = this.fleet.volume(entry.volumeId);
      const holdings = volume === undefined ? [] : this.holdings(entry.volumeId);
      try {
        if (volume === undefined) throw new EngineError('not-found', `volume ${entry.volumeId} no longer exists`);
        this.checkReachable(volume, 'write');
        checkAccess(volume, holdings, 'write');
      } catch (error) {
        entry.handle.state = 'refused';
        entry.handle.refusal = error instanceof Error ? error : new Error(String(error));
        continue;
      }
      const before = holdings.map(({ relationship }) => bitmapCounts(relationship));
      applyWriteRules(this.io, entry.volumeId, holdings, entry.offsetBytes, entry.data.length);
      if (holdings.some(({ relationship }, index) => bitmapCounts(relationship) !== before[index])) {
        this.announceWrite(holdings);
        waiting.push(entry);
        continue;
      }
      this.store(entry.volumeId).write(entry.offsetBytes, entry.data);
      entry.handle.state = 'applied';
    }
    this.writeQueue.putBack(waiting);
  }

  /**
   * Every relationship a write goes through is saved with it, even when it marked nothing new:
   * grains the copier marked copied earlier (saved lazily) must be on record before their source
   * is overwritten.
   */
  private announceWrite(holdings: readonly Holding[]): void {
    for (const { relationship } of holdings) {
      relationship.updatedAtMs = this.clock.nowMs();
      this.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'host-write' });
    }
  }

  /**
   * A mirror's copier may have just copied grains a queued write is about to change: they stay
   * marked to copy, so the write, once applied, reaches the other volume too.
   */
  private keepQueuedWritesMarked(relationship: Relationship, spec: StateSpec): void {
    if (spec.data !== 'mirror' || this.writeQueue.size === 0) return;
    const fromVolumeId = spec.copier === 'reverse' ? relationship.targetVolumeId : relationship.sourceVolumeId;
    for (const entry of this.writeQueue.pendingOn(fromVolumeId)) {
      const { first, count } = grainSpan(relationship, entry.offsetBytes, entry.data.length);
      if (count > 0) relationship.toCopy.setRange(first, count);
    }
  }

  hostRead(volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
    const volume = this.requireVolume(volumeId);
    this.checkRange(volume, offsetBytes, lengthBytes);
    this.checkReachable(volume, 'read');
    const holdings = this.holdings(volumeId);
    checkAccess(volume, holdings, 'read');
    return readThrough(this.io, volumeId, holdings, offsetBytes, lengthBytes);
  }

  private checkRange(volume: VolumeState, offsetBytes: number, lengthBytes: number): void {
    const capacity = Number(volume.capacityBytes);
    if (!Number.isSafeInteger(offsetBytes) || offsetBytes < 0 || !Number.isSafeInteger(lengthBytes) || lengthBytes < 0 || offsetBytes + lengthBytes > capacity) {
      throw new EngineError('invalid', `${lengthBytes} bytes at offset ${offsetBytes} do not fit volume ${volume.name} (${capacity} bytes)`);
    }
  }

  startWorkload(volumeId: string, spec: WorkloadSpec): Workload {
    const volume = this.requireVolume(volumeId);
    this.workloadSeed += 1;
    const workload = new Workload(volumeId, Number(volume.capacityBytes), spec, this.workloadSeed);
    this.workloads.set(volumeId, workload);
    this.emit({ kind: 'workload.changed', volumeId, arrayId: volume.arrayId });
    return workload;
  }

  stopWorkload(volumeId: string): boolean {
    const volume = this.requireVolume(volumeId);
    const stopped = this.workloads.delete(volumeId);
    if (stopped) this.emit({ kind: 'workload.changed', volumeId, arrayId: volume.arrayId });
    return stopped;
  }

  // ---- controllers ---------------------------------------------------------------------------

  /** Moves a volume to a controller; the target of an in-progress volume copy follows its source. */
  moveVolume(volumeId: string, to: ControllerSlot, reason: string): void {
    const volume = this.requireVolume(volumeId);
    if (volume.currentOwner === to) return;
    const from = volume.currentOwner;
    volume.currentOwner = to;
    this.emit({ kind: 'volume.owner-changed', volumeId, arrayId: volume.arrayId, from, to, reason });
    this.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
    for (const { relationship } of this.holdings(volumeId)) {
      const follows = relationship.type === 'volume-copy' && relationship.state === 'in-progress' && relationship.sourceVolumeId === volumeId;
      if (follows) this.moveVolume(relationship.targetVolumeId, to, `follows source ${volume.name} of volume copy ${relationship.name}`);
    }
  }

  // ---- faults (issue #7): controller failure, I/O errors, metadata loss ----------------------

  faults(): Fault[] {
    return this.faultBook.all();
  }

  requireFault(id: string): Fault {
    const fault = this.faultBook.get(id);
    if (fault === undefined) throw new EngineError('not-found', `fault "${id}" is not in force: it never existed or was cleared`);
    return fault;
  }

  requireArray(id: string): ArrayState {
    const array = this.fleet.array(id);
    if (array === undefined) throw new EngineError('not-found', `array "${id}" does not exist`);
    return array;
  }

  /** The faults in force when the server stopped; their consequences are already in the saved state. */
  loadFaults(faults: readonly Fault[]): void {
    for (const fault of faults) this.faultBook.add(fault);
  }

  injectFault(input: FaultInput): Fault {
    if (this.faultBook.size() >= FAULTS_MAX) throw new EngineError('conflict', `${FAULTS_MAX} faults are in force already: clear some first`);
    switch (input.kind) {
      case 'volume-io-error':
        return this.injectIoError(input.volumeId);
      case 'metadata-loss':
        return this.injectMetadataLoss(input.copyId);
      case 'controller-failure':
        return this.failController(input.arrayId, input.slot);
    }
  }

  /** Ends a fault. Copies an I/O error put in an error state stay there: recovering them is an action. */
  clearFault(id: string): Fault {
    const fault = this.requireFault(id);
    if (fault.kind === 'controller-failure') {
      assert(fault.slot !== null);
      this.restoreController(fault.arrayId, fault.slot);
      return fault;
    }
    this.forgetFault(fault, 'cleared');
    if (fault.volumeId !== null) this.refreshStatus(this.requireVolume(fault.volumeId));
    const relationship = fault.copyId === null ? undefined : this.relationships.get(fault.copyId);
    if (relationship !== undefined && fault.kind === 'metadata-loss') this.automatic(relationship, 'recovered', fault.resumeState ?? undefined);
    this.settle();
    return fault;
  }

  /** Fails a controller: the survivor takes over its volumes, or, if it was the last, the array's volumes go offline. */
  failController(arrayId: string, slot: ControllerSlot): Fault {
    const array = this.requireArray(arrayId);
    if (array.controllers[slot] !== 'online') throw new EngineError('conflict', `controller ${slot} of ${array.name} is already offline`);
    const survivor = otherSlot(slot);
    const last = array.controllers[survivor] !== 'online';
    const owned = this.fleet.volumesOf(arrayId).filter((volume) => volume.currentOwner === slot).length;
    const effect = last ? this.arrayDownEffect(array) : `${owned} ${owned === 1 ? 'volume moves' : 'volumes move'} to controller ${survivor}; copies continue there`;
    const fault = this.addFault({ kind: 'controller-failure', arrayId, volumeId: null, copyId: null, slot, targetName: `controller ${slot}`, effect, resumeState: null });
    this.setController(array, slot, 'offline', `fault ${fault.id}`);
    if (last) this.arrayDown(array);
    else this.rebalance(array, `controller ${slot} failed: controller ${survivor} takes over`);
    this.settle();
    return fault;
  }

  /** Brings a controller back: volumes fail back to their preferred owner (an in-progress volume copy's target stays with its source). */
  restoreController(arrayId: string, slot: ControllerSlot): void {
    const array = this.requireArray(arrayId);
    if (array.controllers[slot] === 'online') throw new EngineError('conflict', `controller ${slot} of ${array.name} is online: there is nothing to restore`);
    const wasDown = !hasOnlineController(array.controllers);
    const fault = this.faultBook.controllerFailure(arrayId, slot);
    if (fault !== undefined) this.forgetFault(fault, `controller ${slot} restored`);
    this.setController(array, slot, 'online', fault === undefined ? 'restored' : `fault ${fault.id} cleared`);
    this.rebalance(array, `controller ${slot} restored: volumes fail back to their preferred controller`);
    if (wasDown) for (const volume of this.fleet.volumesOf(arrayId)) this.refreshStatus(volume);
    this.settle();
  }

  private injectIoError(volumeId: string): Fault {
    const volume = this.requireVolume(volumeId);
    const existing = this.faultBook.ioErrorOn(volumeId);
    if (existing !== undefined) throw new EngineError('conflict', `volume ${volume.name} already has an I/O error (fault ${existing.id})`);
    const hit = this.holdings(volumeId).map(({ relationship }) => relationship);
    const changes = this.predict(hit, 'fault');
    const effect = [`hosts cannot read or write ${volume.name}`, ...changes].join('; ');
    const fault = this.addFault({ kind: 'volume-io-error', arrayId: volume.arrayId, volumeId, copyId: null, slot: null, targetName: volume.name, effect, resumeState: null });
    for (const relationship of hit) this.automatic(relationship, 'fault');
    this.refreshStatus(volume);
    this.settle();
    return fault;
  }

  private injectMetadataLoss(copyId: string): Fault {
    const relationship = this.requireCopy(copyId);
    if (relationship.model !== 'storwize') {
      const reason = `losing FlashCopy metadata access is a Storwize fault (seed 002); copy ${relationship.name} is a ${relationship.type} on a ${relationship.model} array`;
      throw new EngineError('rule', reason, [reason]);
    }
    const existing = this.faultBook.metadataLossOf(copyId);
    if (existing !== undefined) throw new EngineError('conflict', `mapping ${copyId} has already lost metadata access (fault ${existing.id})`);
    if (automaticTransition(tableFor(relationship.model), 'metadata-lost', relationship.state) === undefined) {
      throw new EngineError('conflict', `mapping ${copyId} is ${relationship.state}: losing metadata access suspends only a mapping that is copying or stopping ("the mapping started, but it did not complete", seed 002)`);
    }
    const source = this.requireVolume(relationship.sourceVolumeId).name;
    const target = this.requireVolume(relationship.targetVolumeId).name;
    const effect = `${relationship.state} → suspended: source ${source} and target ${target} offline until access returns`;
    const fault = this.addFault({ kind: 'metadata-loss', arrayId: relationship.arrayId, volumeId: null, copyId, slot: null, targetName: `mapping ${source} → ${target}`, effect, resumeState: relationship.state });
    this.automatic(relationship, 'metadata-lost');
    return fault;
  }

  private addFault(fields: Omit<Fault, 'id' | 'sinceMs'>): Fault {
    const fault: Fault = { ...fields, id: this.options.newId(), sinceMs: this.clock.nowMs() };
    this.faultBook.add(fault);
    this.emit({ kind: 'fault.injected', arrayId: fault.arrayId, arrayName: this.requireArray(fault.arrayId).name, fault: { ...fault } });
    return fault;
  }

  private forgetFault(fault: Fault, cause: string): void {
    this.faultBook.remove(fault.id);
    this.emit({ kind: 'fault.cleared', arrayId: fault.arrayId, arrayName: this.requireArray(fault.arrayId).name, fault: { ...fault }, cause });
  }

  /** "volume copy c3: in-progress → failed" for each relationship the event would move. */
  private predict(relationships: readonly Relationship[], event: AutomaticEvent): string[] {
    return relationships.flatMap((relationship) => {
      const row = automaticTransition(tableFor(relationship.model), event, relationship.state);
      return row === undefined ? [] : [`${relationship.type} ${relationship.name}: ${relationship.state} → ${row.to}`];
    });
  }

  private arrayDownEffect(array: ArrayState): string {
    const volumes = this.fleet.volumesOf(array.id).length;
    const event = ARRAY_DOWN_EVENT[array.model];
    const changes = event === null ? [] : this.predict(this.relationshipsOn(array.id), event);
    const copies = event === null ? 'copies pause until a controller returns' : changes.length === 0 ? 'no copy is affected' : changes.join('; ');
    return `no controller of ${array.name} is online: its ${volumes} volumes go offline; ${copies}`;
  }

  private arrayDown(array: ArrayState): void {
    const event = ARRAY_DOWN_EVENT[array.model];
    if (event !== null) for (const relationship of this.relationshipsOn(array.id)) this.automatic(relationship, event);
    for (const volume of this.fleet.volumesOf(array.id)) this.refreshStatus(volume);
  }

  private relationshipsOn(arrayId: string): Relationship[] {
    return [...this.relationships.values()].filter((relationship) => relationship.arrayId === arrayId);
  }

  private setController(array: ArrayState, slot: ControllerSlot, to: ControllerStatus, cause: string): void {
    const from = array.controllers[slot];
    array.controllers[slot] = to;
    this.emit({ kind: 'controller.changed', arrayId: array.id, arrayName: array.name, slot, from, to, cause });
  }

  /** Moves every volume to the controller that should own it now (ownership.ts). */
  private rebalance(array: ArrayState, reason: string): void {
    for (const volume of this.fleet.volumesOf(array.id)) {
      // The target of an in-progress volume copy moves with its source, and returns to its own
      // controller only when the copy ends (seed 000).
      if (this.followsSource(volume.id) && array.controllers[volume.currentOwner] === 'online') continue;
      const to = desiredOwner(volume, array.controllers);
      if (to !== null && to !== volume.currentOwner) this.moveVolume(volume.id, to, reason);
    }
  }

  private followsSource(volumeId: string): boolean {
    return this.holdings(volumeId).some(({ relationship }) => relationship.type === 'volume-copy' && relationship.state === 'in-progress' && relationship.targetVolumeId === volumeId);
  }

  private arrayUp(arrayId: string): boolean {
    const array = this.fleet.array(arrayId);
    return array !== undefined && hasOnlineController(array.controllers);
  }

  /** A volume's status follows from the faults: offline with no controller, failed with an I/O error. */
  private refreshStatus(volume: VolumeState): void {
    const status: VolumeStatus = !this.arrayUp(volume.arrayId) ? 'offline' : this.faultBook.ioErrorOn(volume.id) !== undefined ? 'failed' : 'online';
    if (status === volume.status) return;
    volume.status = status;
    this.emit({ kind: 'volume.changed', volumeId: volume.id, arrayId: volume.arrayId });
  }

  /** Refuses host I/O to a volume a fault holds, naming the fault (423, like every refused access). */
  private checkReachable(volume: VolumeState, want: 'read' | 'write'): void {
    const ioError = this.faultBook.ioErrorOn(volume.id);
    if (ioError !== undefined) throw new EngineError('locked', `volume ${volume.name} has an I/O error (fault ${ioError.id}): hosts cannot ${want} it until the fault is cleared`);
    if (!this.arrayUp(volume.arrayId)) throw new EngineError('locked', `volume ${volume.name} is offline: no controller of its array is online`);
  }

  /** The table's row for an action, unless a fault in force refuses it (the action would move data). */
  private lookupAction(relationship: Relationship, action: string, mode: string | undefined): TransitionLookup {
    const lookup = findTransition(tableFor(relationship.model), action, relationship.state, mode);
    if (!lookup.ok) return lookup;
    if (relationship.model === 'xp7') {
      const to = lookup.transition.to;
      const reason = siblingBlock(to, stateSpec(tableFor('xp7'), to), siblingsOf(relationship, this.copiesOf(relationship.sourceVolumeId)));
      if (reason !== null) return { ok: false, status: 409, reason };
    }
    const blocked = this.faultBlock(relationship, lookup.transition);
    return blocked === null ? lookup : { ok: false, status: 409, reason: `${action} is refused while ${blocked}: clear the fault first` };
  }

  private faultBlock(relationship: Relationship, transition: Transition): string | null {
    const to = stateSpec(tableFor(relationship.model), transition.to);
    // Stopping, suspending and withdrawing move no data and stay possible; storwize's prepare flushes the source cache.
    const movesData = transition.effect !== 'none' || to.copier !== 'none' || transition.to === 'preparing';
    if (!movesData) return null;
    for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
      const ioError = this.faultBook.ioErrorOn(volumeId);
      if (ioError !== undefined) return `volume ${this.requireVolume(volumeId).name} has an I/O error (fault ${ioError.id})`;
    }
    const lost = this.faultBook.metadataLossOf(relationship.id);
    if (lost !== undefined) return `mapping ${relationship.name} has no access to its metadata (fault ${lost.id})`;
    if (!this.arrayUp(relationship.arrayId)) return 'no controller of the array is online';
    return null;
  }

  // ---- simulation ----------------------------------------------------------------------------

  setSpeed(speed: ClockSpeed): void {
    this.clock.setSpeed(speed);
    this.emit({ kind: 'simulation.changed' });
  }

  /** Steps a paused simulation by `ms`, running the copy work that time covers. */
  advance(ms: number): void {
    if (this.clock.speed !== 0) throw new EngineError('conflict', `the simulation runs at speed ${this.clock.speed}: pause it before stepping`);
    const stepMs = 1_000;
    let remaining = ms;
    let guard = Math.ceil(ms / stepMs) + 1;
    while (remaining > 0) {
      guard -= 1;
      assert(guard >= 0);
      const slice = Math.min(stepMs, remaining);
      this.clock.advance(slice);
      this.work(slice);
      remaining -= slice;
    }
    this.work(0);
    this.emit({ kind: 'simulation.changed' });
  }

  /** One engine tick: advance the clock by the wall time elapsed (or a 'max' step) and do the work. */
  tick(): number {
    const max = this.clock.speed === 'max';
    const elapsedMs = this.clock.tick(max ? this.maxSpeedStepMs() : 0);
    const movedBytes = this.work(elapsedMs);
    if (max) this.adaptMaxStep(movedBytes, elapsedMs);
    return elapsedMs;
  }

  private maxSpeedStepMs(): number {
    let fastest = 0;
    for (const relationship of this.relationships.values()) {
      if (this.copying(relationship)) fastest = Math.max(fastest, rateBytesPerSec(relationship.model, relationship.options));
    }
    if (fastest === 0) {
      const next = this.clock.nextTimerMs();
      return next === null ? 1_000 : Math.max(1, Math.min(MAX_SPEED_STEP_MS, next - this.clock.nowMs()));
    }
    // A dense copy fills this tick's real-work cap in this step; a sparse one moves far less real
    // data per simulated second, so the step grows while ticks keep finishing under the cap.
    const denseStepMs = Math.floor((TICK_MOVED_BYTES_MAX * 1000) / fastest);
    return Math.max(1, Math.min(MAX_SPEED_STEP_MS, Math.max(denseStepMs, this.sparseStepMs)));
  }

  /** Adapts the 'max' step to how much real data the last tick moved. */
  private adaptMaxStep(movedBytes: number, stepMs: number): void {
    if (movedBytes < TICK_MOVED_BYTES_MAX / 4) this.sparseStepMs = Math.min(MAX_SPEED_STEP_MS, Math.max(stepMs, 1) * 2);
    else this.sparseStepMs = Math.floor(stepMs / 2);
  }

  private copying(relationship: Relationship): boolean {
    const spec = this.specOf(relationship);
    return spec.copier !== 'none' && relationship.toCopy.count() > 0 && (spec.updateCopy !== true || this.updateCopyDue(relationship));
  }

  private updateCopyDue(relationship: Relationship): boolean {
    const dueByTime = this.clock.nowMs() - relationship.lastUpdateCopyMs >= UPDATE_COPY_INTERVAL_MS;
    const dueBySize = relationship.toCopy.count() >= relationship.grainCount * UPDATE_COPY_DIFFERENTIAL_RATIO;
    return dueByTime || dueBySize;
  }

  /** The work a stretch of simulated time brings; returns the bytes the copiers really moved. */
  private work(elapsedMs: number): number {
    this.runWorkloads(elapsedMs);
    const movedBytes = this.runCopiers(elapsedMs);
    this.completeCopies();
    this.scheduleVolumeCopies();
    return movedBytes;
  }

  private runWorkloads(elapsedMs: number): void {
    for (const workload of this.workloads.values()) {
      workload.issue(elapsedMs, (op) => {
        try {
          if (op.kind === 'write') {
            this.hostWrite(workload.volumeId, op.offsetBytes, op.data);
            workload.stats.writes += 1;
            workload.stats.bytesWritten += op.data.length;
          } else {
            this.hostRead(workload.volumeId, op.offsetBytes, op.lengthBytes);
            workload.stats.reads += 1;
          }
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
          workload.stats.rejected += 1;
          if (op.kind === 'write') workload.stats.rejectedWrites += 1;
          workload.stats.lastError = error.message;
        }
      });
      // Paused, nothing moves; running, the measured rate moves every tick even with no operation due.
      if (elapsedMs > 0) this.emit({ kind: 'workload.changed', volumeId: workload.volumeId, arrayId: this.requireVolume(workload.volumeId).arrayId });
    }
  }

  /**
   * Bytes every copy has accounted as copied since the engine started (simulated bytes, the unit
   * of progress): the fleet's aggregate throughput is its rate of change over simulated time.
   */
  copiedBytesSinceStart(): number {
    return this.copiedBytesTotal;
  }

  private runCopiers(elapsedMs: number): number {
    let movedBytesLeft = TICK_MOVED_BYTES_MAX;
    // Start each tick one relationship further on, so when the tick's real-work cap runs out it is
    // not always the same relationships that wait.
    const all = [...this.relationships.values()];
    this.copierStart = all.length === 0 ? 0 : (this.copierStart + 1) % all.length;
    const ordered = [...all.slice(this.copierStart), ...all.slice(0, this.copierStart)];
    for (const relationship of ordered) {
      const spec = this.specOf(relationship);
      // With no controller online nothing copies; the bitmaps wait for a controller's return.
      if (spec.copier === 'none' || !this.arrayUp(relationship.arrayId)) {
        relationship.rateBytesPerSec = 0;
        continue;
      }
      const due = spec.updateCopy !== true || this.updateCopyDue(relationship);
      if (!due || relationship.toCopy.count() === 0) {
        relationship.rateBytesPerSec = smoothRate(relationship.rateBytesPerSec, 0, elapsedMs);
        continue;
      }
      const rate = rateBytesPerSec(relationship.model, relationship.options);
      const step = copyStep(this.io, relationship, spec.copier, rate, elapsedMs, Math.max(0, movedBytesLeft));
      this.keepQueuedWritesMarked(relationship, spec);
      movedBytesLeft -= step.movedBytes;
      relationship.rateBytesPerSec = smoothRate(relationship.rateBytesPerSec, step.accountedBytes, elapsedMs);
      this.copiedBytesTotal += step.accountedBytes;
      if (step.accountedBytes > 0) {
        relationship.updatedAtMs = this.clock.nowMs();
        if (spec.updateCopy === true && relationship.toCopy.count() === 0) relationship.lastUpdateCopyMs = this.clock.nowMs();
        this.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'copier' });
      }
    }
    return TICK_MOVED_BYTES_MAX - movedBytesLeft;
  }

  private completeCopies(): void {
    for (const relationship of [...this.relationships.values()]) {
      const spec = this.specOf(relationship);
      if (spec.copier === 'none' || spec.updateCopy === true || relationship.toCopy.count() > 0) continue;
      this.automatic(relationship, 'copied');
    }
  }

  private scheduleVolumeCopies(): void {
    const byArray = new Map<string, Relationship[]>();
    for (const relationship of this.relationships.values()) {
      if (relationship.type !== 'volume-copy') continue;
      const list = byArray.get(relationship.arrayId) ?? [];
      list.push(relationship);
      byArray.set(relationship.arrayId, list);
    }
    for (const onArray of byArray.values()) {
      for (const relationship of copiesToStart(onArray)) this.automatic(relationship, 'slot-free');
    }
  }

  /** Fires the table's automatic transition for `event` (and `mode`), if the state has one. */
  automatic(relationship: Relationship, event: AutomaticEvent, mode?: string): boolean {
    const row = automaticTransition(tableFor(relationship.model), event, relationship.state, mode);
    if (row === undefined) return false;
    this.transition(relationship, row, `automatic:${event}`);
    this.afterChange(relationship);
    return true;
  }

  // ---- transitions ---------------------------------------------------------------------------

  private transition(relationship: Relationship, row: Transition, cause: string): void {
    const from = relationship.state;
    assert(tableFor(relationship.model).states[row.to] !== undefined, `unknown state ${row.to}`);
    this.leave(relationship, row.to);
    relationship.state = row.to;
    relationship.stateChangedAtMs = this.clock.nowMs();
    relationship.updatedAtMs = relationship.stateChangedAtMs;
    this.emit({ kind: 'copy.state-changed', copyId: relationship.id, arrayId: relationship.arrayId, from, to: row.to, cause });
    this.enter(relationship, from, row.effect);
  }

  private leave(relationship: Relationship, to: string): void {
    if (relationship.timerId !== null) {
      this.clock.cancel(relationship.timerId);
      relationship.timerId = null;
    }
    if (relationship.type === 'volume-copy' && relationship.state === 'in-progress' && to !== 'in-progress') this.restoreTargetOwner(relationship);
    if (relationship.model === 'storwize' && relationship.state === 'copying' && to === 'idle_or_copied') {
      relationship.copiedOnce = true;
    }
  }

  private enter(relationship: Relationship, from: string, effect: Transition['effect']): void {
    const effective = effect === 'point-in-time' && relationship.model === 'storwize' && (relationship.options as StorwizeOptions).incremental && relationship.copiedOnce ? 'incremental-point-in-time' : effect;
    applyEffect(relationship, effective, this.clock.nowMs());
    const { model, state } = relationship;
    if (model === 'santricity' && state === 'pending') relationship.queuedOrder = this.queuedCount += 1;
    if (model === 'santricity' && state === 'in-progress') this.takeTargetOwner(relationship);
    if (model === 'xp7' && state === 'PAIR') relationship.lastUpdateCopyMs = this.clock.nowMs();
    if (model === 'xp7' && state === REVERSE_RESYNC_STATE) markSiblingsForReverse(relationship, siblingsOf(relationship, this.copiesOf(relationship.sourceVolumeId)));
    if (model === 'xp7' && state === 'SMPL(PD)') this.after(relationship, SHADOWIMAGE_DELETE_MS, 'deleted');
    if (model === 'xp7' && state === 'SMPL') this.unregister(relationship, 'automatic:deleted');
    if (model === 'storwize') this.enterStorwize(relationship, from);
  }

  private enterStorwize(relationship: Relationship, from: string): void {
    const { state } = relationship;
    if (state === 'preparing') this.after(relationship, STORWIZE_PREPARE_MS, 'prepared');
    if (state === 'stopping') {
      relationship.startWhenPrepared = false;
      this.after(relationship, STORWIZE_STOPPING_MS, 'stopped');
    }
    if (state === 'prepared' && relationship.startWhenPrepared) this.startPrepared(relationship);
    if (state === 'copying') relationship.startWhenPrepared = false;
    // The difference bitmaps keep counting from T0, not from the completion: grains written while
    // the copy ran differ from the next T0 too, and an incremental start must copy them.
    if (state === 'idle_or_copied' && from === 'copying' && (relationship.options as StorwizeOptions).autoDelete) {
      this.unregister(relationship, 'automatic:autodelete');
    }
  }

  /** A prepared mapping asked to start: alone at once; in a group when every member is prepared. */
  private startPrepared(relationship: Relationship): void {
    const groupId = relationship.consistencyGroupId;
    const members = groupId === null ? [relationship] : [...this.relationships.values()].filter((r) => r.consistencyGroupId === groupId && r.startWhenPrepared);
    if (members.some((member) => member.state !== 'prepared')) return;
    for (const member of members) {
      const lookup = findTransition(tableFor(member.model), 'start', member.state);
      assert(lookup.ok);
      this.transition(member, lookup.transition, groupId === null ? 'automatic:start-when-prepared' : `group:start ${groupId}`);
      if (member !== relationship) this.afterChange(member);
    }
  }

  private after(relationship: Relationship, delayMs: number, event: AutomaticEvent): void {
    relationship.timerId = this.clock.schedule(this.clock.nowMs() + delayMs, () => {
      relationship.timerId = null;
      if (this.relationships.has(relationship.id)) this.automatic(relationship, event);
    });
  }

  private takeTargetOwner(relationship: Relationship): void {
    const source = this.requireVolume(relationship.sourceVolumeId);
    const target = this.requireVolume(relationship.targetVolumeId);
    if (target.currentOwner === source.currentOwner) return;
    relationship.targetOwnerBeforeCopy = target.currentOwner;
    this.moveVolume(target.id, source.currentOwner, `volume copy ${relationship.name} in progress: the source's controller owns both volumes`);
  }

  private restoreTargetOwner(relationship: Relationship): void {
    const original = relationship.targetOwnerBeforeCopy;
    relationship.targetOwnerBeforeCopy = null;
    if (original === null) return;
    const array = this.fleet.array(relationship.arrayId);
    if (array?.controllers[original] !== 'online') return;
    this.moveVolume(relationship.targetVolumeId, original, `volume copy ${relationship.name} is no longer in progress: the target returns to its original controller`);
  }

  // ---- registry ------------------------------------------------------------------------------

  private register(relationship: Relationship): void {
    assert(!this.relationships.has(relationship.id), `copy ${relationship.id} registered twice`);
    this.relationships.set(relationship.id, relationship);
    for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
      const ids = this.byVolume.get(volumeId) ?? new Set<string>();
      ids.add(relationship.id);
      this.byVolume.set(volumeId, ids);
    }
  }

  private unregister(relationship: Relationship, cause: string): void {
    if (!this.relationships.has(relationship.id)) return;
    if (relationship.timerId !== null) this.clock.cancel(relationship.timerId);
    relationship.timerId = null;
    this.relationships.delete(relationship.id);
    const lost = this.faultBook.metadataLossOf(relationship.id);
    if (lost !== undefined) this.forgetFault(lost, 'mapping removed');
    for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
      this.byVolume.get(volumeId)?.delete(relationship.id);
      this.refreshVolume(volumeId, true);
    }
    this.emit({ kind: 'copy.removed', copyId: relationship.id, arrayId: relationship.arrayId, cause, groupId: relationship.consistencyGroupId });
  }

  private afterChange(relationship: Relationship): void {
    if (!this.relationships.has(relationship.id)) return;
    this.refreshVolume(relationship.sourceVolumeId, true);
    this.refreshVolume(relationship.targetVolumeId, true);
    this.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'command' });
  }

  /** Recomputes a volume's roles and read-only flag from the relationships holding it. */
  private refreshVolume(volumeId: string, announce: boolean): void {
    const volume = this.fleet.volume(volumeId);
    if (volume === undefined) return;
    const holdings = this.holdings(volumeId).filter(({ spec }) => spec.holdsVolumes);
    const roles = [...new Set(holdings.map(({ relationship }) => roleWord(relationship, volumeId)))].sort();
    const readOnly = isReadOnly(volume, holdings);
    const changed = roles.join() !== volume.roles.join() || readOnly !== volume.readOnly;
    volume.roles = roles;
    volume.readOnly = readOnly;
    if (changed && announce) this.emit({ kind: 'volume.changed', volumeId, arrayId: volume.arrayId });
  }
}

/** The set-grain counts of a relationship's bitmaps: a write's rules either set or clear, so a change shows in the counts (count() is O(1)). */
function bitmapCounts(relationship: Relationship): string {
  return `${relationship.toCopy.count()}/${relationship.sourceDiff.count()}/${relationship.targetDiff.count()}`;
}
