// Controller failure and restore (docs/domain.md#controllers-and-ownership; the SANtricity manual's
// ownership rule for volume copies): deterministic, on a paused virtual clock.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../events';
import { createFixture, MiB, pattern } from '../testing/fixture';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

function record(fixture: ReturnType<typeof createFixture>) {
  const events: EngineEvent[] = [];
  fixture.engine.on((event) => events.push(event));
  const moves = () => events.flatMap((e) => (e.kind === 'volume.owner-changed' ? [`${e.volumeId}:${e.from}->${e.to}`] : []));
  return { events, moves };
}

/** A santricity volume copy that runs for seconds: 32 MiB at the lowest priority (16 MiB/s). */
function longVolumeCopy() {
  const fixture = createFixture({ volumesPerArray: 6, capacityBytes: 32 * MiB });
  const source = fixture.volume('santricity', 0); // preferred A
  const target = fixture.volume('santricity', 1); // preferred B
  fixture.engine.hostWrite(source.id, 0, pattern(MiB, 3));
  fixture.engine.hostWrite(source.id, 31 * MiB, pattern(MiB, 4));
  const copy = fixture.engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { priority: 'lowest' } });
  return { ...fixture, source, target, copy };
}

describe('controller failover and failback', () => {
  it("moves a failed controller's volumes to the survivor, keeps preferred owners, and takes writes there", () => {
    const fixture = createFixture({ volumesPerArray: 6 });
    const { engine } = fixture;
    const { events, moves } = record(fixture);
    const onA = [0, 2, 4].map((i) => fixture.volume('xp7', i));
    const fault = engine.failController('xp7', 'A');
    expect(fault.kind).toBe('controller-failure');
    expect(fault.effect).toBe('3 volumes move to controller B; copies continue there');
    expect(engine.fleet.array('xp7')?.controllers).toEqual({ A: 'offline', B: 'online' });
    expect(onA.map((v) => [v.currentOwner, v.preferredOwner])).toEqual([
      ['B', 'A'],
      ['B', 'A'],
      ['B', 'A'],
    ]);
    expect(moves()).toEqual(onA.map((v) => `${v.id}:A->B`));
    expect(events.find((e) => e.kind === 'controller.changed')).toMatchObject({ arrayId: 'xp7', slot: 'A', from: 'online', to: 'offline' });
    // Acknowledged writes go through the survivor and are never lost.
    engine.hostWrite(onA[0]!.id, 0, pattern(4096, 9));
    expect(same(engine.hostRead(onA[0]!.id, 0, 4096), pattern(4096, 9))).toBe(true);
    engine.restoreController('xp7', 'A');
    expect(onA.map((v) => v.currentOwner)).toEqual(['A', 'A', 'A']);
    expect(engine.faults()).toEqual([]);
    expect(same(engine.hostRead(onA[0]!.id, 0, 4096), pattern(4096, 9))).toBe(true);
  });

  it('keeps a volume copy running on the survivor with source and target together, losing no copied grain', () => {
    const { engine, source, target, copy } = longVolumeCopy();
    expect(copy.state).toBe('in-progress');
    expect(target.currentOwner).toBe('A'); // moved to the source's controller for the copy
    engine.advance(1_000);
    const leftBefore = copy.toCopy.count();
    expect(leftBefore).toBeGreaterThan(0);
    expect(leftBefore).toBeLessThan(copy.grainCount);
    engine.failController('santricity', 'A');
    expect(copy.state).toBe('in-progress');
    expect([source.currentOwner, target.currentOwner]).toEqual(['B', 'B']);
    expect(copy.toCopy.count()).toBe(leftBefore); // bitmaps untouched by the failover
    engine.advance(10_000);
    expect(copy.state).toBe('completed');
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 3))).toBe(true);
    expect(same(engine.hostRead(target.id, 31 * MiB, MiB), pattern(MiB, 4))).toBe(true);
    // The target's own controller (B) was online throughout: it is where it started.
    expect(target.currentOwner).toBe('B');
    engine.restoreController('santricity', 'A');
    expect(source.currentOwner).toBe('A');
  });

  it('fails a restored source back at once, but its target only after the copy ends', () => {
    const { engine, source, target, copy } = longVolumeCopy();
    engine.failController('santricity', 'B'); // the target's preferred controller
    expect([source.currentOwner, target.currentOwner]).toEqual(['A', 'A']);
    engine.restoreController('santricity', 'B');
    // Target preferred B, but an in-progress copy keeps it with its source (invariant 5).
    expect([source.currentOwner, target.currentOwner]).toEqual(['A', 'A']);
    engine.advance(10_000);
    expect(copy.state).toBe('completed');
    expect(target.currentOwner).toBe('B');
  });

  it('failing the source controller and restoring it moves source and target there and back together', () => {
    const { engine, source, target, copy } = longVolumeCopy();
    engine.advance(500);
    engine.failController('santricity', 'A');
    expect([source.currentOwner, target.currentOwner]).toEqual(['B', 'B']);
    const left = copy.toCopy.count();
    engine.restoreController('santricity', 'A');
    expect([source.currentOwner, target.currentOwner]).toEqual(['A', 'A']);
    expect(copy.toCopy.count()).toBe(left);
    expect(copy.state).toBe('in-progress');
    engine.advance(10_000);
    expect(copy.state).toBe('completed');
    expect(target.currentOwner).toBe('B');
  });

  it('losing the last controller takes every volume offline; volume copies fail, mappings pause and resume', () => {
    const fixture = createFixture({ volumesPerArray: 6, capacityBytes: 4 * MiB });
    const { engine } = fixture;
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      options: { copyRate: 1 },
    });
    engine.advance(3_000);
    expect(map.state).toBe('copying');
    const vc = engine.createCopy({
      type: 'volume-copy',
      sourceVolumeId: fixture.volume('santricity', 2).id,
      targetVolumeId: fixture.volume('santricity', 3).id,
      options: { priority: 'lowest' },
    });
    engine.failController('santricity', 'A');
    const last = engine.failController('santricity', 'B');
    expect(last.effect).toMatch(/no controller of santricity-array is online: its 6 volumes go offline; volume-copy volcopy\d+: in-progress → failed/);
    expect(vc.state).toBe('failed');
    expect(fixture.volume('santricity', 0).status).toBe('offline');
    expect(() => engine.hostRead(fixture.volume('santricity', 0).id, 0, 1)).toThrow(/offline: no controller/);
    expect(() => engine.act(vc.id, 'recopy')).toThrow(/no controller of the array is online/);

    engine.failController('storwize', 'B');
    engine.failController('storwize', 'A');
    const left = map.toCopy.count();
    engine.advance(5_000);
    expect(map.state).toBe('copying');
    expect(map.toCopy.count()).toBe(left); // paused: nothing copied, nothing lost
    engine.restoreController('storwize', 'B');
    expect(fixture.volume('storwize', 0).status).toBe('online');
    expect([0, 1, 2].map((i) => fixture.volume('storwize', i).currentOwner)).toEqual(['B', 'B', 'B']);
    engine.advance(5_000);
    expect(map.toCopy.count()).toBeLessThan(left);
    engine.restoreController('storwize', 'A');
    expect([0, 1].map((i) => fixture.volume('storwize', i).currentOwner)).toEqual(['A', 'B']);
  });

  it('a host workload keeps writing through failover and failback without a refused write', () => {
    const fixture = createFixture({ volumesPerArray: 4, capacityBytes: 4 * MiB });
    const { engine } = fixture;
    const volume = fixture.volume('storwize', 0); // preferred A
    const workload = engine.startWorkload(volume.id, { pattern: 'random', iops: 200, blockBytes: 4096, writePercent: 70 });
    engine.advance(2_000);
    engine.failController('storwize', 'A');
    engine.advance(2_000);
    engine.restoreController('storwize', 'A');
    engine.advance(2_000);
    expect(workload.stats.writes).toBeGreaterThan(500);
    expect(workload.stats.rejected).toBe(0);
    // With no controller left, hosts are refused (the volume is offline), and served again after.
    engine.failController('storwize', 'A');
    engine.failController('storwize', 'B');
    engine.advance(1_000);
    expect(workload.stats.rejectedWrites).toBeGreaterThan(0);
    expect(workload.stats.lastError).toMatch(/offline: no controller/);
    const written = workload.stats.writes;
    engine.restoreController('storwize', 'B');
    engine.advance(1_000);
    expect(workload.stats.writes).toBeGreaterThan(written);
  });

  it('refuses to fail an offline controller or restore an online one, and unknown arrays', () => {
    const { engine } = createFixture({ volumesPerArray: 2 });
    engine.failController('ds6000', 'A');
    expect(() => engine.failController('ds6000', 'A')).toThrow(/already offline/);
    expect(() => engine.restoreController('ds6000', 'B')).toThrow(/is online: there is nothing to restore/);
    expect(() => engine.failController('nope', 'A')).toThrow(/does not exist/);
    const [fault] = engine.faults();
    engine.clearFault(fault!.id);
    expect(engine.fleet.array('ds6000')?.controllers.A).toBe('online');
  });
});

describe('the administrator changes a volume owner', () => {
  it('moves the volume and makes it the preferred owner; the target of a copy in progress follows its source and cannot be moved alone', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, target, other] = [fixture.volume('santricity', 0), fixture.volume('santricity', 1), fixture.volume('santricity', 3)];
    expect([source.currentOwner, target.currentOwner]).toEqual(['A', 'B']);
    engine.changeOwner(other.id, 'A');
    expect([other.preferredOwner, other.currentOwner]).toEqual(['A', 'A']);
    const copy = engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { priority: 'lowest' } });
    expect(copy.state).toBe('in-progress');
    expect(target.currentOwner).toBe('A');
    expect(engine.ownerChangeBlock(target.id, 'B')).toMatch(/follows its source santricity_vol_0/);
    expect(() => engine.changeOwner(target.id, 'B')).toThrow(/change santricity_vol_0's owner instead/);
    engine.changeOwner(source.id, 'B');
    expect([source.currentOwner, target.currentOwner, target.preferredOwner]).toEqual(['B', 'B', 'B']);
    engine.act(copy.id, 'stop');
    // The target returns to the controller it had before the copy moved it.
    expect(target.currentOwner).toBe('B');
    engine.failController('santricity', 'A');
    expect(engine.ownerChangeBlock(other.id, 'A')).toMatch(/controller A of .* is offline/);
  });
});
