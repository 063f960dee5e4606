// Simulated time and the work it brings: each tick advances the clock, runs host workloads and
// the copiers, completes finished copies and starts queued ones.
import assert from 'node:assert';
import { copyStep } from '../copy/copier';
import { cleanRateBytesPerSec, rateBytesPerSec } from '../copy/options';
import { smoothRate } from '../copy/progress';
import type { Relationship } from '../copy/relationship';
import { UPDATE_COPY_DIFFERENTIAL_RATIO, UPDATE_COPY_INTERVAL_MS } from '../copy/chosen-values';
import { copiesToStart } from '../copy/volume-copy-queue';
import { chainedWith } from '../core/registry';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { newChainMemo, type ChainMemo } from '../io/chain';
import { cleanStep } from '../io/cleaning';
import { keepQueuedWritesMarked, runWorkloads } from '../io/host-commands';
import { automatic } from '../lifecycle/lifecycle';
import type { ClockSpeed } from '../time/clock';
import { activeRelationships, markedRelationships, pruneActive } from './active';

/** Real bytes the copier may move in one tick across all relationships (keeps ticks short). */
export const TICK_MOVED_BYTES_MAX = 64 * 1024 * 1024;
/** At speed 'max', the longest simulated step one tick may take. */
const MAX_SPEED_STEP_MS = 60_000;
/** advance() steps simulated time in slices this long, so copies and timers interleave as in real time. */
const ADVANCE_SLICE_MS = 1_000;

/** A measured rate below this (bytes/s) is 0: the console rounds it to 0, and a relationship settling to 0 leaves the active set. */
const RATE_AT_REST_BYTES_PER_SEC = 0.5;

/**
 * Consequences a change can have at once: queued copies starting, copies with nothing to do
 * ending. Only active relationships can have any (schedule/active.ts): every change marks those it
 * touched.
 * - `all` (a tick): every active relationship, as the copiers and cleaners moved bitmaps.
 * - `marked` (a command): those marked since the last settle. Every other active relationship was
 *   settled after it was last marked, and nothing has happened to it since; visiting the whole
 *   active set made each creation cost a pass over every copying relationship, so creating the
 *   10,000th copy beside 9,999 copying ones took about 30 ms of engine time (#16).
 * Each pass asks afresh, so what one pass's transitions mark is seen by the next.
 */
export function settle(s: EngineState, scope: 'all' | 'marked' = 'all'): void {
  const earlier = scope === 'all' ? null : [...s.markedSinceSettle];
  // What this settle's own transitions mark stays marked: a copy the last pass starts is checked
  // for completion by the next settle, as it would be were every active relationship visited.
  s.markedSinceSettle.clear();
  const visit = () => (earlier === null ? activeRelationships(s) : markedRelationships(s, earlier));
  completeCopies(s, visit());
  completeCleaning(s, visit());
  scheduleVolumeCopies(s, visit());
}

export function setSpeed(s: EngineState, speed: ClockSpeed): void {
  s.clock.setSpeed(speed);
  s.emit({ kind: 'simulation.changed' });
}

/** Steps a paused simulation by `ms`, running the copy work that time covers. */
export function advance(s: EngineState, ms: number): void {
  if (s.clock.speed !== 0) throw new EngineError('conflict', `the simulation runs at speed ${s.clock.speed}: pause it before stepping`);
  let remaining = ms;
  let guard = Math.ceil(ms / ADVANCE_SLICE_MS) + 1;
  while (remaining > 0) {
    guard -= 1;
    assert(guard >= 0, 'advance took more slices than the time it covers');
    const slice = Math.min(ADVANCE_SLICE_MS, remaining);
    s.clock.advance(slice);
    work(s, slice, false);
    remaining -= slice;
  }
  work(s, 0, false);
  s.emit({ kind: 'simulation.changed' });
}

/** One engine tick: advance the clock by the wall time elapsed (or a 'max' step) and do the work. */
export function tick(s: EngineState): number {
  const max = s.clock.speed === 'max';
  const elapsedMs = s.clock.tick(max ? maxSpeedStepMs(s) : 0);
  const movedBytes = work(s, elapsedMs, true);
  if (max) adaptMaxStep(s, movedBytes, elapsedMs);
  return elapsedMs;
}

function maxSpeedStepMs(s: EngineState): number {
  let fastest = 0;
  // A relationship copying at a non-zero rate is always active (schedule/active.ts).
  for (const relationship of activeRelationships(s)) {
    if (copying(s, relationship)) fastest = Math.max(fastest, rateBytesPerSec(relationship.model, relationship.options));
  }
  if (fastest === 0) {
    const next = s.clock.nextTimerMs();
    return next === null ? 1_000 : Math.max(1, Math.min(MAX_SPEED_STEP_MS, next - s.clock.nowMs()));
  }
  // A dense copy fills this tick's real-work cap in this step; a sparse one moves far less real
  // data per simulated second, so the step grows while ticks keep finishing under the cap.
  const denseStepMs = Math.floor((TICK_MOVED_BYTES_MAX * 1000) / fastest);
  return Math.max(1, Math.min(MAX_SPEED_STEP_MS, Math.max(denseStepMs, s.sparseStepMs)));
}

/** Adapts the 'max' step to how much real data the last tick moved. */
function adaptMaxStep(s: EngineState, movedBytes: number, stepMs: number): void {
  if (movedBytes < TICK_MOVED_BYTES_MAX / 4) s.sparseStepMs = Math.min(MAX_SPEED_STEP_MS, Math.max(stepMs, 1) * 2);
  else s.sparseStepMs = Math.floor(stepMs / 2);
}

function copying(s: EngineState, relationship: Relationship): boolean {
  const spec = s.specOf(relationship);
  return spec.copier !== 'none' && relationship.toCopy.count() > 0 && (spec.updateCopy !== true || updateCopyDue(s, relationship));
}

function updateCopyDue(s: EngineState, relationship: Relationship): boolean {
  const dueByTime = s.clock.nowMs() - relationship.lastUpdateCopyMs >= UPDATE_COPY_INTERVAL_MS;
  const dueBySize = relationship.toCopy.count() >= relationship.grainCount * UPDATE_COPY_DIFFERENTIAL_RATIO;
  return dueByTime || dueBySize;
}

/**
 * The work a stretch of simulated time brings; returns the bytes the copiers really moved.
 * `realTime`: a tick of the running simulation, whose host workloads keep to a data-plane budget
 * (io/workload.ts); stepping a paused one runs them as asked.
 */
function work(s: EngineState, elapsedMs: number, realTime: boolean): number {
  s.markedDuringWork.clear();
  /** Relationships with work left after this tick: they stay active though nothing marks them. */
  const keep = new Set<Relationship>();
  for (const workload of s.workloads.values()) workload.budgeted = realTime;
  runWorkloads(s, elapsedMs);
  // Copiers and cleaners change bitmaps only, never a state or a chain: each chain is worked out
  // once, and kept for the next ticks until something other than progress happens (core/state.ts).
  s.io.chainMemo = keptChainMemo(s);
  let movedBytes = 0;
  try {
    const copiedBytes = runCopiers(s, elapsedMs, keep);
    movedBytes = copiedBytes + runCleaning(s, elapsedMs, TICK_MOVED_BYTES_MAX - copiedBytes, keep);
  } finally {
    s.io.chainMemo = null;
  }
  settle(s);
  pruneActive(s, keep);
  return movedBytes;
}

/** Chained mappings that others still read through copy to them, at their clean rate (io/cleaning.ts). */
function runCleaning(s: EngineState, elapsedMs: number, movedBytesMax: number, keep: Set<Relationship>): number {
  let movedBytes = 0;
  for (const relationship of activeRelationships(s)) {
    const spec = s.specOf(relationship);
    if (!relationship.joinedChain || !s.tableOf(relationship).chained || !s.arrayUp(relationship.arrayId)) continue;
    // A copying mapping cleans once its own copy is complete; a stopping one from the start.
    if (spec.cleans !== true && !(spec.copier !== 'none' && relationship.toCopy.count() === 0)) continue;
    const cleanRate = cleanRateBytesPerSec(relationship.options);
    const step = cleanStep(s.io, { relationship, spec }, cleanRate, elapsedMs, Math.max(0, movedBytesMax - movedBytes));
    // Grains left to clean at a non-zero rate: more to do next tick (and then, completeCleaning's turn).
    if (step.grainsLeftBefore > 0 && cleanRate > 0) keep.add(relationship);
    // Clean progress counts from the most that was ever left to clean in this state.
    relationship.cleanGrains = Math.max(relationship.cleanGrains, step.grainsLeftBefore);
    movedBytes += step.movedBytes;
    s.copiedBytesTotal += step.accountedBytes;
    if (step.accountedBytes === 0) continue;
    relationship.updatedAtMs = s.clock.nowMs();
    s.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'copier' });
    for (const dependent of step.dependents) {
      dependent.updatedAtMs = s.clock.nowMs();
      s.emit({ kind: 'copy.progress', copyId: dependent.id, arrayId: dependent.arrayId, cause: 'chain' });
    }
  }
  return movedBytes;
}

/** A cleaning state whose timer has run ends once nothing is left to clean (the row's guard says so). */
function completeCleaning(s: EngineState, visit: readonly Relationship[]): void {
  for (const relationship of visit) {
    const spec = s.specOf(relationship);
    if (spec.cleans !== true || spec.after === undefined || relationship.timerId !== null) continue;
    automatic(s, relationship, spec.after.event);
  }
}

function runCopiers(s: EngineState, elapsedMs: number, keep: Set<Relationship>): number {
  let movedBytesLeft = TICK_MOVED_BYTES_MAX;
  // Start each tick one relationship further on, so when the tick's real-work cap runs out it is
  // not always the same relationships that wait.
  const all = activeRelationships(s);
  s.visitedLastTick = all.length;
  s.copierStart = all.length === 0 ? 0 : (s.copierStart + 1) % all.length;
  const ordered = [...all.slice(s.copierStart), ...all.slice(0, s.copierStart)];
  // Mappings sharing a volume with one that copied are announced once per pass, after it: each
  // of 50 mappings of a source announcing the other 49 was 2,450 events a tick per source.
  const copied = new Set<Relationship>();
  const chained = new Set<Relationship>();
  const chainedVolumes = new Set<string>();
  for (const relationship of ordered) {
    const spec = s.specOf(relationship);
    // With no controller online nothing copies; the bitmaps wait for a controller's return.
    if (spec.copier === 'none' || !s.arrayUp(relationship.arrayId)) {
      relationship.rateBytesPerSec = 0;
      continue;
    }
    const due = spec.updateCopy !== true || updateCopyDue(s, relationship);
    if (!due || relationship.toCopy.count() === 0) {
      relationship.rateBytesPerSec = settledRate(smoothRate(relationship.rateBytesPerSec, 0, elapsedMs));
      // An update copy becomes due with time alone; a rate still settling to 0 moves the console's figure.
      if ((!due && relationship.toCopy.count() > 0) || relationship.rateBytesPerSec !== 0) keep.add(relationship);
      continue;
    }
    const rate = rateBytesPerSec(relationship.model, relationship.options);
    const step = copyStep(s.io, relationship, spec.copier, spec.data === 'point-in-time', rate, elapsedMs, Math.max(0, movedBytesLeft));
    keepQueuedWritesMarked(s, relationship, spec);
    for (const other of step.touched) {
      other.updatedAtMs = s.clock.nowMs();
      s.emit({ kind: 'copy.progress', copyId: other.id, arrayId: other.arrayId, cause: 'chain' });
    }
    movedBytesLeft -= step.movedBytes;
    // A copy that was not moving starts its average at the configured rate, so the console shows
    // that rate and its ETA from the first second instead of an average climbing up from 0.
    relationship.rateBytesPerSec = settledRate(smoothRate(relationship.rateBytesPerSec || rate, step.accountedBytes, elapsedMs));
    if ((rate > 0 && relationship.toCopy.count() > 0) || relationship.rateBytesPerSec !== 0) keep.add(relationship);
    s.copiedBytesTotal += step.accountedBytes;
    if (step.accountedBytes > 0) {
      relationship.updatedAtMs = s.clock.nowMs();
      if (spec.updateCopy === true && relationship.toCopy.count() === 0) relationship.lastUpdateCopyMs = s.clock.nowMs();
      s.emit({ kind: 'copy.progress', copyId: relationship.id, arrayId: relationship.arrayId, cause: 'copier' });
      copied.add(relationship);
      chainedWith(s, relationship, chained, chainedVolumes);
    }
  }
  for (const other of chained) if (!copied.has(other)) s.emit({ kind: 'copy.progress', copyId: other.id, arrayId: other.arrayId, cause: 'chain' });
  return TICK_MOVED_BYTES_MAX - movedBytesLeft;
}

function keptChainMemo(s: EngineState): ChainMemo {
  if (s.options.exhaustiveTicks === true) return newChainMemo();
  s.keptChainMemo ??= newChainMemo();
  return s.keptChainMemo;
}

function settledRate(bytesPerSec: number): number {
  return bytesPerSec < RATE_AT_REST_BYTES_PER_SEC ? 0 : bytesPerSec;
}

/** A copier with no grain left to move ends its cycle: the table's `copied` event says where to. */
function completeCopies(s: EngineState, visit: readonly Relationship[]): void {
  for (const relationship of visit) {
    const spec = s.specOf(relationship);
    if (spec.copier === 'none' || spec.updateCopy === true || relationship.toCopy.count() > 0) continue;
    automatic(s, relationship, 'copied');
  }
}

/**
 * Queued volume copies take the array's free in-progress slots. A slot frees, or a copy joins the
 * queue, only by a change that marks the copy active: arrays with no active volume copy are skipped.
 */
function scheduleVolumeCopies(s: EngineState, visit: readonly Relationship[]): void {
  const arrays = new Set<string>();
  for (const relationship of visit) if (s.tableOf(relationship).automatic['slot-free'] !== undefined) arrays.add(relationship.arrayId);
  if (arrays.size === 0) return;
  const byArray = new Map<string, Relationship[]>();
  for (const relationship of s.relationships.values()) {
    if (!arrays.has(relationship.arrayId) || s.tableOf(relationship).automatic['slot-free'] === undefined) continue;
    const list = byArray.get(relationship.arrayId) ?? [];
    list.push(relationship);
    byArray.set(relationship.arrayId, list);
  }
  for (const onArray of byArray.values()) {
    for (const relationship of copiesToStart(onArray)) automatic(s, relationship, 'slot-free');
  }
}
