import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { createFixture, MiB, pattern } from '../testing/fixture';
import { SNAPSHOTS_PER_BASE_MAX } from './chosen-values';

const KiB = 1024;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** A SANtricity base volume written with pattern 1, and a snapshot volume `snap` of it (added, then made a snapshot). */
function setup(repositoryBytes = 256 * KiB) {
  const fixture = createFixture({ volumesPerArray: 6 });
  const { engine } = fixture;
  const base = fixture.volume('santricity', 0);
  engine.hostWrite(base.id, 0, pattern(MiB, 1));
  const t0Image = engine.hostRead(base.id, 0, MiB);
  engine.addVolume({
    id: 'snap',
    arrayId: base.arrayId,
    poolId: base.poolId,
    name: `${base.name}-1`,
    capacityBytes: base.capacityBytes,
    preferredOwner: base.preferredOwner,
    currentOwner: base.currentOwner,
    status: 'online',
    readOnly: false,
    roles: [],
    snapshot: { baseVolumeId: base.id, repositoryCapacityBytes: BigInt(repositoryBytes) },
  });
  const snapshot = engine.createSnapshot('snap');
  return { fixture, engine, base, snapshot, t0Image, snap: engine.requireVolume('snap') };
}

describe('SANtricity snapshot volumes', () => {
  it('presents the base as it was, saving only the grains the base overwrites; it is no copy', () => {
    const { engine, base, snapshot, t0Image, snap } = setup();
    expect(snapshot.state).toBe('optimal');
    expect(snap.roles).toEqual(['snapshot']);
    expect(base.roles).toEqual(['base']);
    expect([...engine.copies()]).toHaveLength(0);
    expect(engine.copy(snapshot.id)).toBeUndefined();
    expect(() => engine.requireCopy(snapshot.id)).toThrow(EngineError);

    engine.hostWrite(base.id, 100 * KiB, pattern(8 * KiB, 2));
    expect(same(engine.hostRead('snap', 0, MiB), t0Image)).toBe(true);
    expect(same(engine.hostRead(base.id, 100 * KiB, 8 * KiB), pattern(8 * KiB, 2))).toBe(true);
    // One 64 KiB grain saved in the repository.
    expect(snapshot.grainCount - snapshot.toCopy.count()).toBe(1);
  });

  it('takes host writes of its own into the repository, leaving the base alone', () => {
    const { engine, base, t0Image } = setup();
    engine.hostWrite('snap', 0, pattern(4 * KiB, 3));
    expect(same(engine.hostRead('snap', 0, 4 * KiB), pattern(4 * KiB, 3))).toBe(true);
    // The rest of the grain the write touched still reads the point-in-time data.
    expect(same(engine.hostRead('snap', 4 * KiB, 60 * KiB), t0Image.subarray(4 * KiB, 64 * KiB))).toBe(true);
    expect(same(engine.hostRead(base.id, 0, MiB), t0Image)).toBe(true);
  });

  it('fails when its repository is full; the base write goes on, and reads of the snapshot are refused', () => {
    const { engine, base, snapshot, snap } = setup(128 * KiB);
    engine.hostWrite(base.id, 0, pattern(128 * KiB, 4));
    expect(snapshot.state).toBe('optimal');
    engine.hostWrite(base.id, 512 * KiB, pattern(64 * KiB, 5));
    expect(snapshot.state).toBe('failed');
    expect(same(engine.hostRead(base.id, 512 * KiB, 64 * KiB), pattern(64 * KiB, 5))).toBe(true);
    expect(snap.status).toBe('offline');
    expect(snap.statusReason).toMatch(/snapshot failed/);
    expect(() => engine.hostRead('snap', 0, 4 * KiB)).toThrow(/not accessible/);
    // Re-created, it presents the base as it is now, with an empty repository.
    engine.actOnSnapshot('snap', 'recreate');
    expect(snapshot.state).toBe('optimal');
    expect(snap.status).toBe('online');
    expect(snapshot.toCopy.count()).toBe(snapshot.grainCount);
    expect(same(engine.hostRead('snap', 0, MiB), engine.hostRead(base.id, 0, MiB))).toBe(true);
  });

  it('a write to the snapshot that would overflow its repository fails the snapshot and is refused', () => {
    const { engine, snapshot } = setup(64 * KiB);
    engine.hostWrite('snap', 0, pattern(4 * KiB, 6));
    expect(() => engine.hostWrite('snap', 256 * KiB, pattern(4 * KiB, 7))).toThrow(/not accessible/);
    expect(snapshot.state).toBe('failed');
  });

  it('disabled, it cannot be read until re-created', () => {
    const { engine, snapshot } = setup();
    engine.actOnSnapshot('snap', 'disable');
    expect(snapshot.state).toBe('disabled');
    expect(() => engine.hostRead('snap', 0, KiB)).toThrow(/not accessible/);
    expect(() => engine.actOnSnapshot('snap', 'disable')).toThrow(/not allowed while the snapshot is disabled/);
    expect(() => engine.actOnSnapshot('snap', 'split')).toThrow(/has no action "split"/);
  });

  it('restores its data to the base with a volume copy, copying only the grains that differ', () => {
    const { engine, base, snapshot, t0Image, snap } = setup();
    engine.hostWrite(base.id, 0, pattern(128 * KiB, 8));
    engine.hostWrite(base.id, 640 * KiB, pattern(64 * KiB, 9));
    const saved = snapshot.grainCount - snapshot.toCopy.count();
    expect(saved).toBe(3);
    const targets = engine.eligibility('volume-copy', 'snap');
    expect(targets.find((entry) => entry.volumeId === base.id)?.eligible).toBe(true);
    // The wizard's review says it is a restore and how little it copies.
    const [preview] = engine.preview([{ command: 'create-copy', type: 'volume-copy', sourceVolumeId: 'snap', targetVolumeId: base.id }]);
    expect(preview?.consequences.map((c) => c.text).join(' ')).toMatch(/A restore: .* goes back to snapshot .*Only the 192 KiB that differ are copied/);
    expect(preview?.consequences.find((c) => c.kind === 'moves')).toMatchObject({ bytes: 3 * 64 * KiB });
    const restore = engine.createCopy({ type: 'volume-copy', sourceVolumeId: 'snap', targetVolumeId: base.id });
    expect(restore.cycleGrains).toBe(saved);
    expect(snap.roles).toEqual(['snapshot', 'source']);
    engine.advance(10_000);
    expect(restore.state).toBe('completed');
    expect(same(engine.hostRead(base.id, 0, MiB), t0Image)).toBe(true);
    // The restore rewrote only grains the snapshot held: nothing more was saved, the snapshot is intact.
    expect(snapshot.state).toBe('optimal');
    expect(snapshot.grainCount - snapshot.toCopy.count()).toBe(saved);
    // Removing the pair returns both volumes to their own types.
    engine.removeCopy(restore.id);
    expect(snap.roles).toEqual(['snapshot']);
    expect(base.roles).toEqual(['base']);
  });

  it('a volume copy reading a snapshot that fails fails with it; re-creating is refused while one reads it', () => {
    const fixtureSetup = setup(64 * KiB);
    const { engine, base, fixture } = fixtureSetup;
    const target = fixture.volume('santricity', 1);
    const copy = engine.createCopy({ type: 'volume-copy', sourceVolumeId: 'snap', targetVolumeId: target.id });
    expect(() => engine.actOnSnapshot('snap', 'recreate')).toThrow(/source of volume copy/);
    engine.hostWrite(base.id, 0, pattern(128 * KiB, 10));
    expect(fixtureSetup.snapshot.state).toBe('failed');
    expect(copy.state).toBe('failed');
  });

  it('a snapshot volume cannot be a copy target, a base keeps at most the chosen number of snapshots, and owners move together', () => {
    const { engine, base, fixture, snap } = setup();
    const source = fixture.volume('santricity', 1);
    const reasons = engine.eligibility('volume-copy', source.id).find((entry) => entry.volumeId === 'snap')?.reasons ?? [];
    expect(reasons.join()).toMatch(/snapshot volume: it presents its base's image and cannot be a copy target/);
    expect(engine.snapshotBlock('snap')).toMatch(/is a snapshot volume/);
    expect(engine.snapshotBlock(fixture.volume('storwize', 0).id)).toMatch(/SANtricity feature/);
    for (let n = 2; n <= SNAPSHOTS_PER_BASE_MAX; n += 1) {
      engine.addVolume({ ...snap, id: `snap${n}`, name: `snap${n}`, roles: [] });
      engine.createSnapshot(`snap${n}`);
    }
    expect(engine.snapshotBlock(base.id)).toMatch(new RegExp(`already has ${SNAPSHOTS_PER_BASE_MAX} snapshots`));
    const other = base.currentOwner === 'A' ? 'B' : 'A';
    expect(engine.ownerChangeBlock('snap', other)).toMatch(/snapshot of .*change .* owner instead/);
    engine.changeOwner(base.id, other);
    expect(snap.currentOwner).toBe(other);
    // Removed, the snapshot releases both volumes; the base may go once its snapshots have.
    engine.removeSnapshot('snap');
    expect(snap.roles).toEqual([]);
    expect(engine.snapshotsOfBase(base.id)).toHaveLength(SNAPSHOTS_PER_BASE_MAX - 1);
  });
});
