// Hosts reading and writing volumes through the copy services' rules, and simulated workloads.
import assert from 'node:assert';
import type { Relationship } from '../copy/relationship';
import { grainSpan } from '../copy/relationship';
import type { StateSpec } from '../copy/types';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { checkReachable } from '../faults/controllers';
import type { VolumeState } from '../model';
import { checkNotFrozen } from '../commands/freeze';
import { checkAccess, type Holding } from './access';
import { relationshipsWrittenThrough } from './chain';
import { applyWriteRules, readThrough } from './host-io';
import { APPLIED_AT_ONCE, type HostWriteHandle } from './write-queue';
import { Workload, type WorkloadSpec } from './workload';

/**
 * A host write: the relationships' rules apply at once (copy-on-write, marks, differences); the
 * data is written at once too, or, with deferHostWrites, when applyHostWrites says the marks are
 * saved. The handle tells which.
 */
export function hostWrite(s: EngineState, volumeId: string, offsetBytes: number, data: Uint8Array): HostWriteHandle {
  const volume = s.requireVolume(volumeId);
  checkRange(volume, offsetBytes, data.length);
  checkReachable(s, volume, 'write');
  const holdings = s.holdings(volumeId);
  checkAccess(volume, holdings, 'write');
  checkNotFrozen(s, volume, holdings);
  const deferred = s.options.deferHostWrites === true;
  // Refused before any rule applies, so a write the queue cannot hold leaves no trace.
  const full = deferred ? s.writeQueue.fullFor(data.length) : null;
  if (full !== null) throw new EngineError('busy', full);
  // A snapshot whose repository cannot take what this write makes it save fails first; a write
  // to that snapshot is then refused like any write to a failed snapshot.
  s.beforeWrite(volumeId, offsetBytes, data.length);
  const holdingsNow = s.holdings(volumeId);
  checkAccess(volume, holdingsNow, 'write');
  const before = deferred ? holdingsNow.map(({ relationship }) => bitmapCounts(relationship)) : [];
  const others = applyWriteRules(s.io, volumeId, holdingsNow, offsetBytes, data.length, !deferred);
  const need = deferred ? saveNeeded(s, volumeId, holdingsNow, others, before) : 'announce';
  if (need === 'none') {
    s.store(volumeId).write(offsetBytes, data);
    return APPLIED_AT_ONCE;
  }
  if (need === 'announce') announceWrite(s, holdingsNow, others);
  if (!deferred) {
    s.store(volumeId).write(offsetBytes, data);
    return APPLIED_AT_ONCE;
  }
  return s.writeQueue.add(volumeId, offsetBytes, data);
}

/**
 * What a deferred write needs before its data may reach the volume:
 * - `none`: its rules marked nothing (no bitmap of the relationships it goes through changed, none
 *   beyond them), each of those relationships is on record as it is now (the grains it relies on —
 *   split, copied, preserved — are saved), and no earlier write of the volume waits (it must not be
 *   overtaken). A write to a FlashCopy source grain split already, or to a volume in no
 *   relationship, costs no save at all.
 * - `wait`: the same, but a save in flight took some of those relationships' rows (nothing changed
 *   since) or an earlier write waits: it waits in the queue for the next save without marking the
 *   relationships changed. (Marking them would make every concurrent writer's save need another.)
 * - `announce`: its relationships must be saved with it (they changed, or hold unsaved progress).
 */
function saveNeeded(
  s: EngineState,
  volumeId: string,
  holdings: readonly Holding[],
  others: ReadonlySet<Relationship>,
  before: readonly string[],
): 'none' | 'wait' | 'announce' {
  const saved = s.saved;
  if (saved === null || others.size > 0) return 'announce';
  if (!holdings.every(({ relationship }, index) => bitmapCounts(relationship) === before[index])) return 'announce';
  let waits = s.writeQueue.hasPendingOn(volumeId);
  for (const relationship of relationshipsWrittenThrough(s.io, volumeId)) {
    const state = saved.saveState(relationship.id);
    if (state === 'unsaved') return 'announce';
    if (state === 'saving') waits = true;
  }
  return waits ? 'wait' : 'none';
}

/**
 * Writes the data of queued host writes up to `uptoSeq`, once a save covering their marks is on
 * record. A write whose rules mark something new by now (a mapping restarted, differences
 * cleared by a resync) waits for the next save; one its volume no longer accepts is refused.
 */
export function applyHostWrites(s: EngineState, uptoSeq: number): void {
  const waiting = [];
  for (const entry of s.writeQueue.take(uptoSeq)) {
    const volume = s.fleet.volume(entry.volumeId);
    const holdings = volume === undefined ? [] : s.holdings(entry.volumeId);
    try {
      if (volume === undefined) throw new EngineError('not-found', `volume ${entry.volumeId} no longer exists`);
      checkReachable(s, volume, 'write');
      checkAccess(volume, holdings, 'write');
      checkNotFrozen(s, volume, holdings);
    } catch (error) {
      entry.handle.state = 'refused';
      entry.handle.refusal = error instanceof Error ? error : new Error(String(error));
      continue;
    }
    assert(
      entry.offsetBytes + entry.data.length <= Number(volume.capacityBytes),
      `queued write [${entry.offsetBytes}, +${entry.data.length}) no longer fits volume ${volume.name}`,
    );
    const before = holdings.map(({ relationship }) => bitmapCounts(relationship));
    const others = applyWriteRules(s.io, entry.volumeId, holdings, entry.offsetBytes, entry.data.length, false);
    if (others.size > 0 || holdings.some(({ relationship }, index) => bitmapCounts(relationship) !== before[index])) {
      announceWrite(s, holdings, others);
      waiting.push(entry);
      continue;
    }
    s.store(entry.volumeId).write(entry.offsetBytes, entry.data);
    entry.handle.state = 'applied';
  }
  s.writeQueue.putBack(waiting);
}

/**
 * Every relationship a write goes through is saved with it, even when it marked nothing new:
 * grains the copier marked copied earlier (saved lazily) must be on record before their source
 * is overwritten.
 */
function announceWrite(s: EngineState, holdings: readonly Holding[], others: ReadonlySet<Relationship>): void {
  for (const relationship of [...holdings.map((h) => h.relationship), ...others]) {
    relationship.updatedAtMs = s.clock.nowMs();
    s.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'host-write' });
  }
}

/**
 * A mirror's copier may have just copied grains a queued write is about to change: they stay
 * marked to copy, so the write, once applied, reaches the other volume too.
 */
export function keepQueuedWritesMarked(s: EngineState, relationship: Relationship, spec: StateSpec): void {
  if (spec.data !== 'mirror' || s.writeQueue.size === 0) return;
  const fromVolumeId = spec.copier === 'reverse' ? relationship.targetVolumeId : relationship.sourceVolumeId;
  for (const entry of s.writeQueue.pendingOn(fromVolumeId)) {
    const { first, count } = grainSpan(relationship, entry.offsetBytes, entry.data.length);
    if (count > 0) relationship.toCopy.setRange(first, count);
  }
}

export function hostRead(s: EngineState, volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
  const volume = s.requireVolume(volumeId);
  checkRange(volume, offsetBytes, lengthBytes);
  checkReachable(s, volume, 'read');
  const holdings = s.holdings(volumeId);
  checkAccess(volume, holdings, 'read');
  return readThrough(s.io, volumeId, holdings, offsetBytes, lengthBytes);
}

function checkRange(volume: VolumeState, offsetBytes: number, lengthBytes: number): void {
  const capacity = Number(volume.capacityBytes);
  if (!Number.isSafeInteger(offsetBytes) || offsetBytes < 0 || !Number.isSafeInteger(lengthBytes) || lengthBytes < 0 || offsetBytes + lengthBytes > capacity) {
    throw new EngineError('invalid', `${lengthBytes} bytes at offset ${offsetBytes} do not fit volume ${volume.name} (${capacity} bytes)`);
  }
}

export function startWorkload(s: EngineState, volumeId: string, spec: WorkloadSpec): Workload {
  const volume = s.requireVolume(volumeId);
  s.workloadSeed += 1;
  const workload = new Workload(volumeId, Number(volume.capacityBytes), spec, s.workloadSeed);
  s.workloads.set(volumeId, workload);
  s.emit({ kind: 'workload.changed', volumeId, arrayId: volume.arrayId });
  return workload;
}

export function stopWorkload(s: EngineState, volumeId: string): boolean {
  const volume = s.requireVolume(volumeId);
  const stopped = s.workloads.delete(volumeId);
  if (stopped) s.emit({ kind: 'workload.changed', volumeId, arrayId: volume.arrayId });
  return stopped;
}

/** The workloads' operations due in a stretch of simulated time; refusals count in their stats. */
export function runWorkloads(s: EngineState, elapsedMs: number): void {
  for (const workload of s.workloads.values()) {
    workload.issue(elapsedMs, (op) => {
      try {
        if (op.kind === 'write') {
          hostWrite(s, workload.volumeId, op.offsetBytes, op.data);
          workload.stats.writes += 1;
          workload.stats.bytesWritten += op.data.length;
        } else {
          hostRead(s, workload.volumeId, op.offsetBytes, op.lengthBytes);
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
    if (elapsedMs > 0) s.emit({ kind: 'workload.changed', volumeId: workload.volumeId, arrayId: s.requireVolume(workload.volumeId).arrayId });
  }
}

/** The set-grain counts of a relationship's bitmaps: a write's rules either set or clear, so a change shows in the counts (count() is O(1)). */
function bitmapCounts(relationship: Relationship): string {
  return `${relationship.toCopy.count()}/${relationship.sourceDiff.count()}/${relationship.targetDiff.count()}`;
}
