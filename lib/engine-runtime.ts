// Builds the server's engine (file-backed volumes under the data dir, real clock) and runs its
// tick loop: every 50 ms of wall time for a small fleet, less often for a large one (tick-pace.ts),
// or back to back at speed 'max'.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Clock, Engine, FileStore, type FleetSnapshot, type Relationship } from '../engine';
import type { SavedClock } from './persist/hydrate';
import type { Logger } from './log';
import { TICK_INTERVAL_MS, tickDelayMs } from './tick-pace';

export function volumesDir(dataDir: string): string {
  return path.join(dataDir, 'volumes');
}

/**
 * Deletes volume files no inventory row owns: a volume's row and its log entry go in one
 * transaction and its files after, so a crash in between leaves files of a deleted volume behind.
 * Returns the names removed.
 */
export function removeOrphanVolumeFiles(dir: string, volumeIds: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const id = /^(.+)\.vol(?:\.alloc(?:\.log)?(?:\.tmp)?)?$/.exec(name)?.[1];
    if (id === undefined || volumeIds.has(id)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function createEngine(dataDir: string, snapshot: FleetSnapshot, relationships: Relationship[], saved: SavedClock | null): Engine {
  const dir = volumesDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  removeOrphanVolumeFiles(dir, new Set(snapshot.volumes.map((volume) => volume.id)));
  const fileOf = (volumeId: string) => path.join(dir, `${volumeId}.vol`);
  const engine = new Engine({
    // Simulated time resumes where it stopped when it had run ahead of the wall clock.
    clock: new Clock({ startMs: Math.max(Date.now(), saved?.simulatedTimeMs ?? 0), speed: saved?.speed ?? 1 }),
    openStore: (volume) => FileStore.open({ path: fileOf(volume.id), capacityBytes: Number(volume.capacityBytes) }),
    removeStore: (volumeId) => FileStore.remove(fileOf(volumeId)),
    newId: () => crypto.randomUUID(),
    // The persister applies host writes once the bitmaps they marked are saved (crash safety).
    deferHostWrites: true,
  });
  engine.load(snapshot, relationships);
  return engine;
}

export interface EngineLoop {
  stop(): void;
}

/** The part of the engine the loop drives (a test passes a stand-in that fails). */
export type Tickable = Pick<Engine, 'tick' | 'visitedLastTick'> & { clock: Pick<Engine['clock'], 'speed'> };

/**
 * Ticks the engine until stopped. A tick that throws is a bug (an assertion failed, or something
 * the engine did not expect): the loop stops at once and `onFatal` ends the process, so no later
 * tick or save builds on a state that broke an invariant. A restart resumes from the last save
 * (what the crash test proves safe). `onTicked` hears how long each tick took (the metrics).
 */
export interface EngineLoopHooks {
  /** Hears how long each tick took (the metrics). */
  onTicked?: (durationMs: number) => void;
  /** Checked before every tick; false stops the loop for good (a cluster node past its lease). */
  mayWrite?: () => boolean;
}

export function runEngineLoop(engine: Tickable, log: Logger, onFatal: (error: unknown) => void, hooks: EngineLoopHooks = {}): EngineLoop {
  const onTicked = hooks.onTicked ?? (() => undefined);
  const mayWrite = hooks.mayWrite ?? (() => true);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const loop = () => {
    if (stopped) return;
    // A primary past its lease deadline (say, resumed after a pause) must not copy another grain.
    if (!mayWrite()) {
      stopped = true;
      return;
    }
    const startMs = performance.now();
    try {
      engine.tick();
    } catch (error) {
      stopped = true;
      log.fatal({ err: error }, 'engine tick failed: stopping (a restart resumes from the last save)');
      onFatal(error);
      return;
    }
    onTicked(performance.now() - startMs);
    timer = setTimeout(loop, tickDelayMs(engine.clock.speed, engine.visitedLastTick()));
  };
  timer = setTimeout(loop, TICK_INTERVAL_MS);
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
