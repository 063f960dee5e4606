import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';
import { defaultName, nameProblems, smallestFreeNumber } from './names';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('relationship names and numbers', () => {
  it('checks names as storage CLIs do', () => {
    expect(nameProblems('fcmap0')).toEqual([]);
    expect(nameProblems('_nightly.sql-01')).toEqual([]);
    expect(nameProblems('')).toHaveLength(1);
    expect(nameProblems('0abc')[0]).toMatch(/start with a letter/);
    expect(nameProblems('a b')[0]).toMatch(/only letters/);
    expect(nameProblems('x'.repeat(64))[0]).toMatch(/longer than 63/);
  });

  it('gives the smallest free number and a default name that avoids names taken by hand', () => {
    expect(smallestFreeNumber(new Set([0, 1, 3]))).toBe(2);
    expect(smallestFreeNumber(new Set([1, 2]), 1)).toBe(3);
    expect(defaultName('storwize', 3, new Set())).toBe('fcmap3');
    expect(defaultName('storwize', 3, new Set(['fcmap3']))).toBe('fcmap3_1');
    expect(defaultName('santricity', 0, new Set())).toBe('volcopy0');
  });

  it('numbers relationships per array, reuses freed numbers, and keeps names unique ignoring case', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const v = (i: number) => fixture.volume('storwize', i).id;
    const first = engine.createCopy({ type: 'flashcopy', sourceVolumeId: v(0), targetVolumeId: v(1), start: false });
    const second = engine.createCopy({ type: 'flashcopy', sourceVolumeId: v(2), targetVolumeId: v(3), start: false, name: 'Nightly' });
    expect([first.name, first.number, second.name, second.number]).toEqual(['fcmap0', 0, 'Nightly', 1]);
    expect(() => engine.createCopy({ type: 'flashcopy', sourceVolumeId: v(4), targetVolumeId: v(5), start: false, name: 'nightly' })).toThrow(/already exists/);
    expect(() => engine.createCopy({ type: 'flashcopy', sourceVolumeId: v(4), targetVolumeId: v(5), start: false, name: '9lives' })).toThrow(/invalid name/);
    // Another array counts on its own.
    const other = engine.createCopy({
      type: 'volume-copy',
      sourceVolumeId: fixture.volume('santricity', 0).id,
      targetVolumeId: fixture.volume('santricity', 1).id,
    });
    expect([other.name, other.number]).toEqual(['volcopy0', 0]);
    engine.removeCopy(first.id);
    const third = engine.createCopy({ type: 'flashcopy', sourceVolumeId: v(4), targetVolumeId: v(5), start: false });
    expect([third.name, third.number]).toEqual(['fcmap0', 0]);
  });

  it('renames, refusing a name another relationship on the array holds, and says so in an event', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const events: string[] = [];
    engine.on((event) => {
      if (event.kind === 'copy.renamed') events.push(`${event.from}->${event.to}`);
    });
    const a = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
    });
    const b = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 2).id,
      targetVolumeId: fixture.volume('storwize', 3).id,
      start: false,
    });
    engine.renameCopy(a.id, 'gold');
    expect(() => engine.renameCopy(b.id, 'GOLD')).toThrow(/already exists/);
    expect(b.name).toBe('fcmap1');
    expect(events).toEqual(['fcmap0->gold']);
  });

  it('keeps the last start time after a stop, unlike the point in time', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: true,
      options: { copyRate: 0 },
    });
    expect(map.lastStartedMs).toBeNull();
    engine.advance(2_000);
    expect(map.state).toBe('copying');
    const startedMs = map.lastStartedMs;
    expect(startedMs).not.toBeNull();
    engine.act(map.id, 'stop');
    engine.advance(2_000);
    expect(map.state).toBe('stopped');
    expect(map.pointInTimeMs).toBeNull();
    expect(map.lastStartedMs).toBe(startedMs);
  });

  it('moves only a mapping at rest between consistency groups; a forced group delete lets any go', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
      options: { copyRate: 0 },
    });
    engine.setCopyGroup(map.id, 'g1');
    expect(map.consistencyGroupId).toBe('g1');
    engine.actOnGroup('g1', 'start');
    engine.advance(2_000);
    expect(map.state).toBe('copying');
    expect(() => engine.setCopyGroup(map.id, null)).toThrow(/only a mapping that is idle or copied, or stopped changes consistency group/);
    engine.setCopyGroup(map.id, null, { leaveInAnyState: true });
    expect(map.consistencyGroupId).toBeNull();
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: fixture.volume('xp7', 0).id, targetVolumeId: fixture.volume('xp7', 1).id });
    expect(() => engine.setCopyGroup(pair.id, 'g1')).toThrow(/joins a consistency group only when it is created/);
    const santricityCopy = engine.createCopy({
      type: 'volume-copy',
      sourceVolumeId: fixture.volume('santricity', 0).id,
      targetVolumeId: fixture.volume('santricity', 1).id,
    });
    expect(() => engine.setCopyGroup(santricityCopy.id, 'g1')).toThrow(/Storwize/);
  });

  it('deletes a copying Storwize mapping only with force, freeing both volumes', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: true,
      options: { copyRate: 0 },
    });
    engine.advance(2_000);
    expect(() => engine.removeCopy(map.id)).toThrow(/stop it before deleting/);
    engine.removeCopy(map.id, { force: true });
    expect(engine.copy(map.id)).toBeUndefined();
    expect(source.roles).toEqual([]);
  });
});

describe('growing a volume', () => {
  it('keeps the contents, reads the new space as zeros, and refuses a volume in a relationship', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const volume = fixture.volume('storwize', 0);
    const data = pattern(MiB, 5);
    engine.hostWrite(volume.id, 0, data);
    engine.growVolume(volume.id, BigInt(3 * MiB));
    expect(volume.capacityBytes).toBe(BigInt(3 * MiB));
    expect(same(engine.hostRead(volume.id, 0, MiB), data)).toBe(true);
    expect(same(engine.hostRead(volume.id, MiB, 2 * MiB), new Uint8Array(2 * MiB))).toBe(true);
    engine.hostWrite(volume.id, 2 * MiB, pattern(4096, 6));
    expect(same(engine.hostRead(volume.id, 2 * MiB, 4096), pattern(4096, 6))).toBe(true);
    expect(engine.growBlock(volume.id, BigInt(MiB))).toMatch(/can only grow/);
    const other = fixture.volume('storwize', 2);
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: other.id, targetVolumeId: fixture.volume('storwize', 3).id, start: false });
    expect(() => engine.growVolume(other.id, BigInt(2 * MiB))).toThrow(/relationship fcmap0/);
  });
});
