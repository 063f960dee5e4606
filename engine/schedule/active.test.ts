import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import type { Relationship } from '../copy/relationship';
import { runSeed } from '../simulation/run';
import { createFixture, MiB, pattern } from '../testing/fixture';

/** Storwize mappings from one source to targets 1..count, copying (started) at copyRate 0: nothing to move. */
function quietMappings(count: number) {
  const fixture = createFixture({ volumesPerArray: count + 4 });
  const { engine } = fixture;
  const source = fixture.volume('storwize', 0);
  engine.hostWrite(source.id, 0, pattern(MiB, 3));
  const maps = Array.from({ length: count }, (_, i) =>
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('storwize', i + 1).id, options: { copyRate: 0 } }),
  );
  // Preparing (a timed state), then copying with nothing to move at rate 0.
  engine.advance(5_000);
  return { fixture, engine, source, maps };
}

describe('the active set: ticks visit only relationships that may move or just changed', () => {
  it('copies with nothing to move (rate 0, stopped, idle) cost no visit per tick', () => {
    const { fixture, engine, maps } = quietMappings(20);
    expect(maps.every((map) => map.state === 'copying')).toBe(true);
    engine.advance(1_000);
    expect(engine.visitedLastTick()).toBe(0);
    engine.act(maps[0]!.id, 'stop');
    // Idle mappings on another source: created stopped, never started.
    for (const target of [22, 23])
      engine.createCopy({
        type: 'flashcopy',
        sourceVolumeId: fixture.volume('storwize', 21).id,
        targetVolumeId: fixture.volume('storwize', target).id,
        start: false,
        options: { copyRate: 50 },
      });
    engine.advance(10_000);
    expect(engine.visitedLastTick()).toBe(0);
    expect(maps.slice(1).every((map) => map.state === 'copying')).toBe(true);
  });

  it('a copy given a rate again is picked up by the next tick, copies to the end and then costs nothing again', () => {
    const { engine, maps } = quietMappings(10);
    engine.advance(1_000);
    expect(engine.visitedLastTick()).toBe(0);
    const map = maps[3]!;
    engine.setOptions(map.id, { copyRate: 100 });
    engine.advance(100);
    expect(engine.visitedLastTick()).toBeGreaterThan(0);
    expect(engine.view(map).progress.copiedBytes).toBeGreaterThan(0);
    engine.advance(60_000);
    expect(map.state).toBe('idle_or_copied');
    expect(engine.view(map).progress.percent).toBe(100);
    // The newer ones still copy at rate 0 (the older ones read through it: its copy completed them
    // too): once the finished one settles, no tick visits anything.
    engine.advance(5_000);
    expect(engine.visitedLastTick()).toBe(0);
    expect(maps.slice(4).map((other) => other.state)).toEqual(Array(6).fill('copying'));
  });

  it('a copy restarted after a stop, or left moving by a controller that comes back, is picked up by the next tick', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    engine.hostWrite(source.id, 0, pattern(MiB, 5));
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      options: { copyRate: 20 },
    });
    engine.advance(3_000);
    expect(map.state).toBe('copying');
    // Both controllers down: nothing copies, and the tick stops visiting the mapping.
    engine.failController('storwize', 'A');
    engine.failController('storwize', 'B');
    engine.advance(2_000);
    const copiedWhileDown = engine.view(map).progress.copiedBytes;
    engine.advance(2_000);
    expect(engine.visitedLastTick()).toBe(0);
    expect(engine.view(map).progress.copiedBytes).toBe(copiedWhileDown);
    engine.restoreController('storwize', 'A');
    engine.advance(1_000);
    expect(engine.view(map).progress.copiedBytes).toBeGreaterThan(copiedWhileDown);
    // A stop leaves it stopped (and unvisited); a start goes through prepare and copies again.
    engine.act(map.id, 'stop');
    engine.advance(60_000);
    expect(engine.visitedLastTick()).toBe(0);
    engine.act(map.id, 'start');
    engine.advance(120_000);
    expect(map.state).toBe('idle_or_copied');
    expect(engine.view(map).progress.percent).toBe(100);
  });

  it('gives the same states, bitmaps and volumes step by step as visiting every relationship (simulation seeds 1–30)', { timeout: 120_000 }, () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const reference: string[] = [];
      const active: string[] = [];
      expect(runSeed(seed, undefined, { exhaustiveTicks: true, afterStep: (engine) => reference.push(digest(engine)) }).failure).toBeNull();
      expect(runSeed(seed, undefined, { afterStep: (engine) => active.push(digest(engine)) }).failure).toBeNull();
      const firstDifference = reference.findIndex((text, step) => text !== active[step]);
      expect({ seed, firstDifference, active: active[firstDifference] }).toEqual({ seed, firstDifference: -1, active: undefined });
    }
  });
});

function relationshipLine(relationship: Relationship): string {
  const r = relationship;
  return `r ${r.id} ${r.state} ${r.toCopy.count()} ${r.sourceDiff.count()} ${r.targetDiff.count()} ${Math.round(r.rateBytesPerSec)} ${r.cleanGrains} ${r.updatedAtMs} ${r.timerId === null}`;
}

/** What the engine holds that ticks change: relationships' states and bitmaps, volumes' roles and status. */
function digest(engine: Engine): string {
  const lines: string[] = [];
  for (const volume of engine.fleet.allVolumes()) {
    lines.push(`v ${volume.id} ${volume.roles.join('+')} ${volume.readOnly} ${volume.status} ${volume.currentOwner}`);
    const snapshot = engine.snapshotOf(volume.id);
    if (snapshot !== undefined) lines.push(relationshipLine(snapshot));
  }
  for (const relationship of engine.copies()) lines.push(relationshipLine(relationship));
  return lines.sort().join('\n');
}
