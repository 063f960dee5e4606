// Deterministic simulation: seeded random host writes interleaved with random allowed (and
// refused) actions on all four services and injected faults, checked against a reference model after every step and
// at every state change. A failure names its seed and step, so it replays exactly.
import assert from 'node:assert';
import { EngineError } from '../errors';
import { Prng } from '../data/prng';
import type { Engine } from '../engine';
import type { HostWriteHandle } from '../io/write-queue';
import type { Relationship } from '../copy/relationship';
import { tableFor } from '../copy/tables';
import { VOLUME_COPY_IN_PROGRESS_MAX } from '../copy/volume-copy';
import { COPY_TYPE_BY_MODEL, type ArrayModel } from '../model';
import { createFixture, MiB } from '../testing/fixture';
import { Reference } from './reference';

export const SIMULATION_STEPS = 80;
const MODELS: ArrayModel[] = ['santricity', 'xp7', 'storwize', 'ds6000'];
const VOLUMES_PER_ARRAY = 8;
const KiB = 1024;

export interface SimulationResult {
  seed: number;
  steps: number;
  transitions: number;
  /** Host writes that waited for a save before they reached the volume (deferred seeds). */
  deferredWrites: number;
  /** Chain work seen: grains saved or cleaned onto other mappings, Storwize stops that had to clean, restores, XP7 layer-2 pairs. */
  chain: { moves: number; cleaningStops: number; restores: number; layer2Pairs: number };
  /** SANtricity snapshots taken, restored onto their base by a volume copy that completed, and failed (repository full or a fault). */
  snapshots: { taken: number; restored: number; failed: number };
  failure: string | null;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** A host write waiting for a "save" (deferred seeds): the reference takes it once it is applied. */
interface PendingWrite {
  handle: HostWriteHandle;
  volumeId: string;
  offsetBytes: number;
  data: Uint8Array;
}

/** Even seeds run with deferred host writes, as the server does; odd seeds write at once. */
export function defersWrites(seed: number): boolean {
  return seed % 2 === 0;
}

class Simulation {
  readonly engine: Engine;
  readonly reference: Reference;
  readonly prng: Prng;
  readonly volumeIds: string[];
  readonly deferred: boolean;
  /** Deferred writes not yet applied or refused, in the order they were issued. */
  pending: PendingWrite[] = [];
  deferredWrites = 0;
  chain = { moves: 0, cleaningStops: 0, restores: 0, layer2Pairs: 0 };
  snapshots = { taken: 0, restored: 0, failed: 0 };
  /** Snapshot volumes made so far (for fresh ids). */
  snapshotCount = 0;
  transitions = 0;
  step = 0;

  constructor(seed: number, options: RunOptions) {
    this.prng = new Prng(seed);
    this.deferred = defersWrites(seed);
    const fixture = createFixture({
      volumesPerArray: VOLUMES_PER_ARRAY,
      capacityBytes: MiB,
      seed,
      deferHostWrites: this.deferred,
      ...(options.exhaustiveTicks === undefined ? {} : { exhaustiveTicks: options.exhaustiveTicks }),
    });
    this.engine = fixture.engine;
    this.volumeIds = MODELS.flatMap((model) => Array.from({ length: VOLUMES_PER_ARRAY }, (_, i) => fixture.volume(model, i).id));
    this.reference = new Reference(this.volumeIds.map((id) => ({ id, capacityBytes: MiB })));
    this.engine.on((event) => {
      const snapshot = 'copyId' in event ? this.engine.relationship(event.copyId) : undefined;
      if (snapshot?.type === 'snapshot') {
        if (event.kind === 'copy.state-changed') this.onSnapshotTransition(snapshot, event.from, event.to);
        if (event.kind === 'copy.created') this.onSnapshotTransition(snapshot, 'new', snapshot.state);
        return;
      }
      if (event.kind === 'copy.state-changed') this.onTransition(this.engine.requireCopy(event.copyId), event.from, event.cause);
      if (event.kind === 'copy.created') this.onTransition(this.engine.requireCopy(event.copyId), 'new', 'create');
      if (event.kind === 'copy.progress' && event.cause === 'chain') this.chain.moves += 1;
      if (event.kind === 'copy.created') {
        const created = this.engine.requireCopy(event.copyId);
        if (created.model === 'xp7' && this.engine.copiesOf(created.sourceVolumeId).some((r) => r.targetVolumeId === created.sourceVolumeId))
          this.chain.layer2Pairs += 1;
      }
      if (event.kind === 'copy.state-changed' && event.to === 'stopping') {
        const view = this.engine.view(this.engine.requireCopy(event.copyId));
        if ((view.chain?.cleanGrains ?? 0) > 0) this.chain.cleaningStops += 1;
      }
      if (event.kind === 'copy.state-changed' && event.to === 'copying' && event.from === 'prepared') {
        const started = this.engine.requireCopy(event.copyId);
        const reverses = [...this.engine.copies()].some((r) => r.sourceVolumeId === started.targetVolumeId && r.targetVolumeId === started.sourceVolumeId);
        if (reverses) this.chain.restores += 1;
      }
    });
  }

  fail(message: string): never {
    throw new Error(`step ${this.step}: ${message}`);
  }

  readAll(volumeId: string): Uint8Array {
    return this.engine.hostRead(volumeId, 0, MiB);
  }

  readIfAllowed(volumeId: string): Uint8Array | null {
    try {
      return this.readAll(volumeId);
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'locked') return null;
      throw error;
    }
  }

  /**
   * A snapshot presents its base as it was when taken (or re-created): the reference takes the
   * base's bytes then; failed or disabled, it presents nothing the rules fix.
   */
  onSnapshotTransition(snapshot: Relationship, from: string, to: string): void {
    this.transitions += 1;
    if (to === 'optimal') {
      if (from === 'new') this.snapshots.taken += 1;
      this.reference.set(snapshot.targetVolumeId, this.reference.get(snapshot.sourceVolumeId));
    } else {
      if (to === 'failed') this.snapshots.failed += 1;
      this.reference.forget(snapshot.targetVolumeId);
    }
  }

  /** Checks (where the rules fix it) and updates the reference at each state change. */
  onTransition(relationship: Relationship, from: string, cause: string): void {
    this.transitions += 1;
    const { model, state, sourceVolumeId: source, targetVolumeId: target } = relationship;
    const ref = this.reference;
    const expectEqual = (volumeId: string, expected: Uint8Array | null, why: string) => {
      // A volume in a cascade may be held by another mapping that refuses reads now.
      const actual = expected === null ? null : this.readIfAllowed(volumeId);
      if (expected !== null && actual !== null && !same(actual, expected)) this.fail(`${relationship.id} ${from}→${state}: ${why}`);
    };
    if (model === 'santricity') {
      if (state === 'completed') {
        expectEqual(target, ref.get(source), 'completed volume copy target differs from the source (invariant 3)');
        ref.set(target, ref.get(source));
        if (this.engine.snapshotOf(source)?.sourceVolumeId === target) this.snapshots.restored += 1;
      } else ref.forget(target);
    }
    if (model === 'xp7') {
      // A reverse resync cut short leaves the P-VOL partly restored.
      if (from === 'COPY(RS-R)' && state !== 'PAIR') ref.forget(source);
      // Quick restore: the images swap; in PAIR the S-VOL is in flux again.
      if (cause.includes('(quick)')) {
        ref.set(source, ref.get(target));
        ref.forget(target);
        return;
      }
      if (state === 'PSUS(SP)' || state === 'COPY(SP)') ref.set(target, ref.get(source));
      else if (state === 'COPY(RS-R)') ref.set(source, ref.get(target));
      else if (state === 'PAIR' && from === 'COPY(RS-R)') {
        expectEqual(source, ref.get(target), 'reverse resync done but P-VOL differs from S-VOL (invariant 2)');
        ref.forget(target);
      } else if (state === 'PAIR') {
        expectEqual(target, ref.get(source), 'resync done but S-VOL differs from P-VOL (invariant 2)');
        ref.forget(target);
      } else if (state === 'PSUS') {
        expectEqual(target, ref.get(target), 'split done but S-VOL differs from the split-instant image (invariant 2)');
      } else if (['COPY(PD)', 'COPY(RS)', 'PSUE'].includes(state)) ref.forget(target);
      else if (state === 'SMPL(PD)' && from !== 'PSUS') ref.forget(target); // deleted before a split completed
    }
    if (model === 'storwize' || model === 'ds6000') {
      const pointInTime =
        (model === 'storwize' && state === 'copying' && from === 'prepared') ||
        (model === 'ds6000' && (state === 'copying' || state === 'nocopy') && (from === 'new' || from === 'ended'));
      // DS6000 resync: a new T0; reverse restore: the source takes the target's image (the roles
      // swap as it lands); fast, the target keeps no usable image.
      if (model === 'ds6000' && cause.includes(':resync')) ref.set(target, ref.get(source));
      else if (model === 'ds6000' && cause.includes(':reverse')) {
        ref.set(source, ref.get(target));
        if (cause.includes('(fast)')) ref.forget(target);
      } else if (pointInTime) ref.set(target, ref.get(source));
      else if (state === 'stopping' || state === 'stopped') ref.forget(target);
      else if (model === 'ds6000' && state === 'ended' && cause !== 'automatic:copied')
        ref.forget(target); // withdrawn before the copy completed
      else if (state === 'idle_or_copied' || state === 'ended')
        expectEqual(target, ref.get(target), 'the copy completed but the target lost its T0 image (invariant 1)');
    }
  }

  /** Whether the background copier may be changing the volume's bytes without host writes. */
  inFlux(volumeId: string): boolean {
    for (const relationship of this.engine.copies()) {
      const spec = this.engine.specOf(relationship);
      const isTarget = relationship.targetVolumeId === volumeId;
      if (isTarget && spec.copier === 'forward' && spec.data !== 'point-in-time') return true;
      if (!isTarget && relationship.sourceVolumeId === volumeId && spec.copier === 'reverse') return false;
      if (isTarget && spec.copier === 'reverse') return true;
    }
    return false;
  }

  /** The expected bytes of a volume, adopting its current contents when the rules left them open. */
  expected(volumeId: string): Uint8Array | null {
    const known = this.reference.get(volumeId);
    if (known !== null) return known;
    if (this.inFlux(volumeId)) return null;
    try {
      this.reference.set(volumeId, this.readAll(volumeId));
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
    return this.reference.get(volumeId);
  }

  hostWrite(): void {
    const volumeId = this.prng.pick(this.volumeIds);
    const lengthBytes = this.prng.range(1, 96 * KiB);
    const offsetBytes = this.prng.int(MiB - lengthBytes + 1);
    const data = new Uint8Array(lengthBytes);
    this.prng.fill(data);
    const expected = this.expected(volumeId);
    let handle: HostWriteHandle;
    try {
      handle = this.engine.hostWrite(volumeId, offsetBytes, data);
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'locked') return;
      throw error;
    }
    if (handle.state === 'pending') {
      this.pending.push({ handle, volumeId, offsetBytes, data });
      this.deferredWrites += 1;
      return;
    }
    if (expected === null) return;
    this.reference.write(volumeId, offsetBytes, data);
  }

  /**
   * What the server does after each save commits: queued writes whose marks are on record reach
   * the volumes. A write is acknowledged (and enters the reference) only once applied; those the
   * engine applied in one call are applied in their order of issue, as the engine does.
   */
  save(): void {
    this.engine.applyHostWrites(this.engine.hostWriteMark());
    const still: PendingWrite[] = [];
    for (const write of this.pending) {
      if (write.handle.state === 'pending') still.push(write);
      else if (write.handle.state === 'applied' && this.reference.get(write.volumeId) !== null)
        this.reference.write(write.volumeId, write.offsetBytes, write.data);
    }
    this.pending = still;
  }

  checkReads(count: number): void {
    for (let i = 0; i < count; i += 1) {
      const volumeId = this.prng.pick(this.volumeIds);
      if (this.inFlux(volumeId)) continue;
      const expected = this.reference.get(volumeId);
      if (expected === null) continue;
      const lengthBytes = this.prng.range(1, 64 * KiB);
      const offsetBytes = this.prng.int(MiB - lengthBytes + 1);
      let actual: Uint8Array;
      try {
        actual = this.engine.hostRead(volumeId, offsetBytes, lengthBytes);
      } catch (error) {
        if (error instanceof EngineError && error.kind === 'locked') continue;
        throw error;
      }
      if (!same(actual, expected.subarray(offsetBytes, offsetBytes + lengthBytes))) {
        this.fail(`read of ${volumeId} [${offsetBytes}, +${lengthBytes}) differs from the reference (acknowledged writes lost, invariants 1/4)`);
      }
    }
  }

  createCopy(): void {
    const model = this.prng.pick(MODELS);
    const onArray = this.volumeIds.filter((id) => id.startsWith(`${model}-`));
    let source = this.prng.pick(onArray);
    let target = this.prng.pick(onArray);
    // Storwize chains on purpose: another target of a mapping's source, a cascade from its
    // target, or a restore (its reverse).
    const mappings = [...this.engine.copies()].filter((r) => r.model === 'storwize');
    if (model === 'storwize' && mappings.length > 0 && this.prng.chance(0.5)) {
      const mapping = this.prng.pick(mappings);
      const shape = this.prng.pick(['multi-target', 'cascade', 'restore'] as const);
      source = shape === 'multi-target' ? mapping.sourceVolumeId : mapping.targetVolumeId;
      target = shape === 'restore' ? mapping.sourceVolumeId : target;
    }
    // SANtricity snapshots as sources on purpose, most of them restored onto their own base.
    const snapshotIds = this.volumeIds.filter((id) => this.engine.snapshotOf(id) !== undefined);
    if (model === 'santricity' && snapshotIds.length > 0 && this.prng.chance(0.5)) {
      source = this.prng.pick(snapshotIds);
      if (this.prng.chance(0.7)) target = this.engine.snapshotOf(source)?.sourceVolumeId ?? target;
    }
    // XP7 cascades on purpose: a layer-2 pair from a layer-1 S-VOL.
    const pairs = [...this.engine.copies()].filter((r) => r.model === 'xp7');
    if (model === 'xp7' && pairs.length > 0 && this.prng.chance(0.4)) source = this.prng.pick(pairs).targetVolumeId;
    const options: Record<string, unknown> = {};
    if (model === 'santricity') options.priority = this.prng.pick(['lowest', 'medium', 'highest']);
    if (model === 'storwize')
      Object.assign(options, {
        copyRate: this.prng.pick([0, 0, 30, 100]),
        cleanRate: this.prng.pick([0, 50, 100]),
        incremental: this.prng.chance(0.5),
        grainSize: this.prng.pick([64, 256]),
      });
    if (model === 'ds6000') {
      options.mode = this.prng.pick(['copy', 'nocopy']);
      options.persistent = this.prng.chance(0.5);
      options.incremental = options.persistent === true && this.prng.chance(0.7);
    }
    const before = [...this.engine.copies()].length;
    try {
      this.engine.createCopy({
        type: COPY_TYPE_BY_MODEL[model],
        sourceVolumeId: source,
        targetVolumeId: target,
        options,
        start: model === 'xp7' || model === 'ds6000' || this.prng.chance(0.7),
      });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if ([...this.engine.copies()].length !== before) this.fail(`a refused create changed the relationships: ${error.message}`);
    }
  }

  actOnCopy(): void {
    const copies = [...this.engine.copies()];
    if (copies.length === 0) return;
    // Stops of mappings others read through, on purpose: they must clean before they stop.
    const depended = copies.filter((r) => (this.engine.view(r).chain?.dependentMappingIds.length ?? 0) > 0);
    const stopDepended = depended.length > 0 && this.prng.chance(0.5);
    const relationship = stopDepended ? this.prng.pick(depended) : this.prng.pick(copies);
    const table = tableFor(relationship.model);
    const action = stopDepended ? 'stop' : this.prng.pick(Object.keys(table.actions));
    const modes = table.actions[action]?.modes ?? [];
    const mode = modes.length > 0 && this.prng.chance(0.9) ? this.prng.pick(modes) : undefined;
    const stateBefore = relationship.state;
    const toCopyBefore = relationship.toCopy.count();
    try {
      if (relationship.consistencyGroupId !== null) this.engine.actOnGroup(relationship.consistencyGroupId, action, mode);
      else this.engine.act(relationship.id, action, mode);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if (relationship.state !== stateBefore || relationship.toCopy.count() !== toCopyBefore) this.fail(`refused ${action} changed ${relationship.id}`);
    }
  }

  /** Takes, re-creates, disables or deletes a SANtricity snapshot; small repositories, so some fill up. */
  snapshotCommand(): void {
    const bases = this.volumeIds.filter((id) => id.startsWith('santricity-v'));
    const snapshots = this.volumeIds.filter((id) => this.engine.snapshotOf(id) !== undefined);
    const roll = this.prng.float();
    try {
      if (snapshots.length === 0 || roll < 0.4) this.takeSnapshot(this.prng.pick(bases));
      else if (roll < 0.7) this.engine.actOnSnapshot(this.prng.pick(snapshots), this.prng.pick(['recreate', 'disable']));
      else {
        const snapshotId = this.prng.pick(snapshots);
        this.engine.removeSnapshot(snapshotId);
        this.engine.removeVolume(snapshotId);
        this.volumeIds.splice(this.volumeIds.indexOf(snapshotId), 1);
        this.reference.remove(snapshotId);
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    }
  }

  takeSnapshot(baseId: string): void {
    const base = this.engine.requireVolume(baseId);
    if (this.engine.snapshotBlock(baseId) !== null) return;
    this.snapshotCount += 1;
    const id = `snapshot-${this.snapshotCount}`;
    this.engine.addVolume({
      ...base,
      id,
      name: `${base.name}-s${this.snapshotCount}`,
      roles: [],
      snapshot: { baseVolumeId: baseId, repositoryCapacityBytes: BigInt(this.prng.pick([128, 256, 1024]) * KiB) },
    });
    this.volumeIds.push(id);
    this.reference.add(id);
    try {
      this.engine.createSnapshot(id);
    } catch (error) {
      this.engine.removeVolume(id);
      this.volumeIds.pop();
      this.reference.remove(id);
      throw error;
    }
  }

  removeCopy(): void {
    const copies = [...this.engine.copies()];
    if (copies.length === 0) return;
    const relationship = this.prng.pick(copies);
    const stateBefore = relationship.state;
    try {
      this.engine.removeCopy(relationship.id);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if (relationship.state !== stateBefore || this.engine.copy(relationship.id) === undefined) this.fail(`refused delete changed ${relationship.id}`);
    }
  }

  /** Injects or clears a random fault (docs/domain.md#faults): controllers fail and return, volumes fail I/O, mappings lose metadata. */
  fault(): void {
    const inForce = this.engine.faults();
    try {
      if (inForce.length > 0 && this.prng.chance(0.5)) {
        this.engine.clearFault(this.prng.pick(inForce).id);
        return;
      }
      const kind = this.prng.pick(['controller-failure', 'volume-io-error', 'metadata-loss'] as const);
      if (kind === 'controller-failure') this.engine.injectFault({ kind, arrayId: this.prng.pick(MODELS), slot: this.prng.pick(['A', 'B'] as const) });
      else if (kind === 'volume-io-error') this.engine.injectFault({ kind, volumeId: this.prng.pick(this.volumeIds) });
      else {
        const mappings = [...this.engine.copies()].filter((r) => r.model === 'storwize');
        if (mappings.length > 0) this.engine.injectFault({ kind, copyId: this.prng.pick(mappings).id });
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if (this.engine.faults().length !== inForce.length) this.fail(`a refused fault changed the faults in force: ${error.message}`);
    }
  }

  checkInvariants(): void {
    const inProgressByArray = new Map<string, number>();
    for (const relationship of this.engine.copies()) {
      if (relationship.type !== 'volume-copy' || relationship.state !== 'in-progress') continue;
      inProgressByArray.set(relationship.arrayId, (inProgressByArray.get(relationship.arrayId) ?? 0) + 1);
      const source = this.engine.requireVolume(relationship.sourceVolumeId);
      const target = this.engine.requireVolume(relationship.targetVolumeId);
      if (source.currentOwner !== target.currentOwner) this.fail(`volume copy ${relationship.id} in progress across controllers (invariant 5)`);
    }
    for (const [arrayId, count] of inProgressByArray) {
      if (count > VOLUME_COPY_IN_PROGRESS_MAX) this.fail(`${count} volume copies in progress on ${arrayId} (invariant 6)`);
    }
  }

  runStep(): void {
    if (this.deferred && this.prng.chance(0.6)) this.save();
    const roll = this.prng.float();
    if (roll < 0.4) this.hostWrite();
    else if (roll < 0.55) this.createCopy();
    else if (roll < 0.75) this.actOnCopy();
    else if (roll < 0.8) this.removeCopy();
    else if (roll < 0.84) this.fault();
    else if (roll < 0.88) this.snapshotCommand();
    else this.engine.advance(this.prng.pick([0, 100, 1_000, 5_000, 30_000]));
    this.checkInvariants();
    this.checkReads(3);
  }

  finish(): void {
    // Every fault cleared, the copies recover or stay in their error states; either way the data holds.
    for (const fault of this.engine.faults()) this.engine.clearFault(fault.id);
    this.engine.advance(120_000);
    // Every queued write ends applied or refused: a write waiting for one more save gets it.
    for (let saves = 0; saves < 5 && this.pending.length > 0; saves += 1) this.save();
    if (this.pending.length > 0) this.fail(`${this.pending.length} host writes still wait after five saves`);
    this.engine.advance(120_000);
    for (const volumeId of this.volumeIds) {
      if (this.inFlux(volumeId)) continue;
      const expected = this.reference.get(volumeId);
      if (expected === null) continue;
      try {
        if (!same(this.readAll(volumeId), expected)) this.fail(`final contents of ${volumeId} differ from the reference`);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
      }
    }
  }
}

export interface RunOptions {
  /** Ticks visit every relationship and forget chains (schedule/active.ts): the reference run the active set is compared with. */
  exhaustiveTicks?: boolean;
  /** Called after every step and at the end, with the engine as it is then. */
  afterStep?: (engine: Engine) => void;
}

export function runSeed(seed: number, steps = SIMULATION_STEPS, options: RunOptions = {}): SimulationResult {
  assert(Number.isSafeInteger(seed) && steps > 0);
  const simulation = new Simulation(seed, options);
  const result = (failure: string | null): SimulationResult => ({
    seed,
    steps,
    transitions: simulation.transitions,
    deferredWrites: simulation.deferredWrites,
    chain: simulation.chain,
    snapshots: simulation.snapshots,
    failure,
  });
  try {
    for (simulation.step = 0; simulation.step < steps; simulation.step += 1) {
      simulation.runStep();
      options.afterStep?.(simulation.engine);
    }
    simulation.step = steps;
    simulation.finish();
    options.afterStep?.(simulation.engine);
    return result(null);
  } catch (error) {
    return result((error as Error).stack ?? String(error));
  }
}
