import { describe, expect, it } from 'vitest';
import { storwizeRateBytesPerSec } from './flashcopy-storwize';
import { createFixture, MiB, pattern } from '../testing/fixture';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const KiB = 1024;

describe('storwize FlashCopy mappings', () => {
  it('maps copy rates to the seed-002 bandwidth table', () => {
    expect(storwizeRateBytesPerSec(0)).toBe(0);
    expect(storwizeRateBytesPerSec(1)).toBe(128 * KiB);
    expect(storwizeRateBytesPerSec(10)).toBe(128 * KiB);
    expect(storwizeRateBytesPerSec(11)).toBe(256 * KiB);
    expect(storwizeRateBytesPerSec(50)).toBe(2 * MiB);
    expect(storwizeRateBytesPerSec(100)).toBe(64 * MiB);
    expect(storwizeRateBytesPerSec(150)).toBe(2048 * MiB);
    expect(() => storwizeRateBytesPerSec(151)).toThrow();
  });

  it('prepares, starts at T0 and presents the T0 image while the source changes', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(MiB, 11));
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, start: false, options: { copyRate: 0 } });
    expect(map.state).toBe('idle_or_copied');
    expect(map.grainBytes).toBe(256 * KiB);
    engine.act(map.id, 'prepare');
    expect(map.state).toBe('preparing');
    expect(() => engine.hostRead(target.id, 0, 1)).toThrow(/not accessible/);
    engine.advance(2_000);
    expect(map.state).toBe('prepared');
    engine.act(map.id, 'start');
    expect(map.state).toBe('copying');
    engine.hostWrite(source.id, 0, pattern(300 * KiB, 12));
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 11))).toBe(true);
    // copyRate 0: no background copy; only the two grains written were copied, on write.
    engine.advance(60_000);
    expect(map.state).toBe('copying');
    expect(engine.view(map).progress.percent).toBe(50);
    // Writing the rest copies the remaining grains on write: the copy is then complete.
    engine.hostWrite(source.id, 300 * KiB, pattern(MiB - 300 * KiB, 14));
    engine.advance(0);
    expect(map.state).toBe('idle_or_copied');
  });

  it('start on an idle mapping prepares first; the background copy ends in idle_or_copied; autodelete removes it', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      options: { copyRate: 11, autoDelete: true },
    });
    engine.hostWrite(source.id, 0, pattern(MiB, 15));
    expect(map.state).toBe('preparing');
    engine.advance(2_000);
    expect(map.state).toBe('copying');
    engine.advance(5_000);
    expect(engine.copy(map.id)).toBeUndefined();
    expect(source.roles).toEqual([]);
  });

  it('stop takes the target offline through stopping; restart gives a fresh T0', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 1);
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } });
    engine.advance(2_000);
    engine.act(map.id, 'stop');
    expect(map.state).toBe('stopping');
    engine.advance(1_000);
    expect(map.state).toBe('stopped');
    expect(() => engine.hostRead(target.id, 0, 1)).toThrow(/stopped/);
    expect(() => engine.removeCopy(fixture.volume('storwize', 0).id)).toThrow(/does not exist/);
    engine.hostWrite(source.id, 0, pattern(MiB, 13));
    engine.act(map.id, 'start');
    engine.advance(2_000);
    expect(map.state).toBe('copying');
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 13))).toBe(true);
  });

  it('incremental: the second start copies only grains changed since the first copy', () => {
    const fixture = createFixture({ capacityBytes: 4 * MiB });
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      options: { copyRate: 100, incremental: true },
    });
    engine.advance(5_000);
    expect(map.state).toBe('idle_or_copied');
    engine.hostWrite(source.id, 0, new Uint8Array(10).fill(1));
    engine.act(map.id, 'start');
    engine.advance(2_000);
    expect(engine.view(map).progress.totalBytes).toBe(256 * KiB);
  });

  it('starts a consistency group at one point in time; members cannot act alone', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const maps = [0, 2].map((i) =>
      engine.createCopy({
        type: 'flashcopy',
        sourceVolumeId: fixture.volume('storwize', i).id,
        targetVolumeId: fixture.volume('storwize', i + 1).id,
        start: false,
        consistencyGroupId: 'g1',
        options: { copyRate: 0 },
      }),
    );
    expect(() => engine.act(maps[0]!.id, 'start')).toThrow(/in a consistency group: start the group/);
    engine.actOnGroup('g1', 'start');
    engine.advance(2_000);
    expect(maps.map((m) => m.state)).toEqual(['copying', 'copying']);
    expect(maps[0]!.pointInTimeMs).toBe(maps[1]!.pointInTimeMs);
  });

  it('requires equal sizes and one mapping per target, allowing several targets per source', () => {
    const fixture = createFixture({ capacityOverrides: { 4: 2 * MiB } });
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('storwize', 1).id, start: false });
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('storwize', 2).id, start: false });
    const byVolume = new Map(engine.eligibility('flashcopy', source.id).map((e) => [e.volumeId, e.reasons.join(' | ')]));
    expect(byVolume.get(fixture.volume('storwize', 1).id)).toMatch(/already the target/);
    expect(byVolume.get(fixture.volume('storwize', 4).id)).toMatch(/same size/);
    expect(byVolume.get(fixture.volume('storwize', 3).id)).toBe('');
  });
});

describe('ds6000 FlashCopy relationships', () => {
  it('copy mode: T0 image at once, both volumes read/write, and the relationship ends by itself', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('ds6000', 0);
    const target = fixture.volume('ds6000', 1);
    engine.hostWrite(source.id, 0, pattern(MiB, 21));
    const rel = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id });
    expect(rel.state).toBe('copying');
    engine.hostWrite(source.id, 5, new Uint8Array([9, 9]));
    engine.hostWrite(target.id, 70_000, new Uint8Array([4]));
    const expected = pattern(MiB, 21);
    expected[70_000] = 4;
    expect(same(engine.hostRead(target.id, 0, MiB), expected)).toBe(true);
    engine.advance(1_000);
    expect(rel.state).toBe('ended');
    expect(target.roles).toEqual([]);
    expect(same(engine.hostRead(target.id, 0, MiB), expected)).toBe(true);
  });

  it('nocopy copies only grains about to change, until converted or withdrawn', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('ds6000', 0);
    const rel = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('ds6000', 1).id,
      options: { mode: 'nocopy' },
    });
    expect(rel.state).toBe('nocopy');
    engine.advance(60_000);
    expect(rel.state).toBe('nocopy');
    engine.act(rel.id, 'convert-to-copy');
    expect(rel.state).toBe('copying');
    engine.act(rel.id, 'withdraw');
    expect(rel.state).toBe('ended');
    expect(() => engine.act(rel.id, 'withdraw')).toThrow(/not allowed while the relationship is ended/);
  });

  it('refuses another LSS, a smaller target and a volume already in a relationship', () => {
    const fixture = createFixture({ capacityOverrides: { 2: MiB / 2 } });
    const { engine } = fixture;
    const source = fixture.volume('ds6000', 0);
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('ds6000', 1).id, options: { mode: 'nocopy' } });
    const reasons = new Map(engine.eligibility('flashcopy', fixture.volume('ds6000', 3).id).map((e) => [e.volumeId, e.reasons.join(' | ')]));
    expect(reasons.get(fixture.volume('ds6000', 11).id)).toMatch(/same LSS/);
    expect(reasons.get(fixture.volume('ds6000', 2).id)).toMatch(/at least as large/);
    expect(reasons.get(fixture.volume('ds6000', 0).id)).toMatch(/only one at a time/);
    expect(reasons.get(fixture.volume('ds6000', 4).id)).toBe('');
    expect(() => engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('ds6000', 4).id })).toThrow(
      /only one at a time/,
    );
  });
});

describe('Storwize volume status follows the mapping', () => {
  it('takes the target offline while stopping and stopped, saying which mapping; online again once deleted', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, target] = [fixture.volume('storwize', 0), fixture.volume('storwize', 2)];
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } });
    engine.advance(3_000);
    expect(map.state).toBe('copying');
    expect(target.status).toBe('online');
    engine.act(map.id, 'stop');
    expect([target.status, target.statusReason]).toEqual(['offline', `target of mapping ${map.name}, which is stopping`]);
    engine.advance(1_000);
    expect([target.status, target.statusReason]).toEqual(['offline', `target of mapping ${map.name}, which is stopped`]);
    expect(source.status).toBe('online');
    expect(() => engine.hostRead(target.id, 0, 1)).toThrow(/stopped, where it is not accessible/);
    engine.removeCopy(map.id);
    expect([target.status, target.statusReason]).toEqual(['online', null]);
  });

  it('keeps a target whose copy completed online while its mapping stops', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, target] = [fixture.volume('storwize', 0), fixture.volume('storwize', 2)];
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } });
    engine.advance(3_000);
    // With no background copy the mapping stays copying; host writes copy-on-write every grain.
    engine.hostWrite(source.id, 0, pattern(MiB, 5));
    expect(map.toCopy.count()).toBe(0);
    engine.act(map.id, 'stop');
    expect(map.state).toBe('stopping');
    expect(target.status).toBe('online');
    expect(engine.hostRead(target.id, 0, 16)).toHaveLength(16);
  });

  it('takes source and target offline while the metadata is lost', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, target] = [fixture.volume('storwize', 0), fixture.volume('storwize', 2)];
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } });
    engine.advance(3_000);
    const fault = engine.injectFault({ kind: 'metadata-loss', copyId: map.id });
    expect([source.status, target.status]).toEqual(['offline', 'offline']);
    expect(source.statusReason).toBe(`source of mapping ${map.name}, which is suspended`);
    engine.clearFault(fault.id);
    expect([source.status, target.status]).toEqual(['online', 'online']);
  });
});

describe('Storwize consistency groups start at one instant', () => {
  it('starts a mapping created started with its group, joins one already starting, and refuses one the group cannot take', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const volume = (index: number) => fixture.volume('storwize', index).id;
    const group = 'group-1';
    const first = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: volume(0),
      targetVolumeId: volume(2),
      consistencyGroupId: group,
      options: { copyRate: 1 },
    });
    const idle = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: volume(4),
      targetVolumeId: volume(6),
      consistencyGroupId: group,
      start: false,
      options: { copyRate: 1 },
    });
    expect([first.state, idle.state]).toEqual(['preparing', 'idle_or_copied']);
    engine.advance(1_000);
    // Created while the group's start is under way: it joins it, and the idle member is started too.
    const second = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: volume(8),
      targetVolumeId: volume(10),
      consistencyGroupId: group,
      options: { copyRate: 1 },
    });
    expect([first.state, idle.state, second.state]).toEqual(['preparing', 'preparing', 'preparing']);
    engine.advance(2_000);
    expect([first.state, idle.state, second.state]).toEqual(['copying', 'copying', 'copying']);
    expect(new Set([first.pointInTimeMs, idle.pointInTimeMs, second.pointInTimeMs]).size).toBe(1);
    const before = [...engine.copies()].length;
    expect(() => engine.createCopy({ type: 'flashcopy', sourceVolumeId: volume(1), targetVolumeId: volume(3), consistencyGroupId: group })).toThrow(
      /start at one point in time and fcmap0 is copying/,
    );
    expect([...engine.copies()]).toHaveLength(before);
    expect(engine.createCopy({ type: 'flashcopy', sourceVolumeId: volume(1), targetVolumeId: volume(3), consistencyGroupId: group, start: false }).state).toBe(
      'idle_or_copied',
    );
  });
});
