import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

const KiB = 1024;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('XP7 quick restore', () => {
  it('swaps the P-VOL and S-VOL images at once, then update copies bring the S-VOL back in line', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const pvol = fixture.volume('xp7', 0);
    const svol = fixture.volume('xp7', 1);
    const sibling = fixture.volume('xp7', 2);
    engine.hostWrite(pvol.id, 0, pattern(MiB, 1));
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id });
    const other = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: sibling.id });
    engine.advance(2_000);
    // Refused while another pair of the P-VOL is not split, as a reverse resync is.
    engine.act(pair.id, 'split', 'quick');
    engine.advance(2_000);
    expect(pair.state).toBe('PSUS');
    expect(() => engine.act(pair.id, 'resync', 'quick')).toThrow(/every other pair of the P-VOL split/);
    engine.act(other.id, 'split', 'quick');
    engine.advance(2_000);
    const backup = engine.hostRead(svol.id, 0, MiB);
    engine.hostWrite(pvol.id, 128 * KiB, pattern(256 * KiB, 2));
    const before = engine.hostRead(pvol.id, 0, MiB);
    engine.act(pair.id, 'resync', 'quick');
    expect(pair.state).toBe('PAIR');
    expect(same(engine.hostRead(pvol.id, 0, MiB), backup)).toBe(true);
    expect(same(engine.hostRead(svol.id, 0, MiB), before)).toBe(true);
    // The other pair counts the swapped grains as P-VOL changes for its next resync.
    expect(other.sourceDiff.count()).toBeGreaterThan(0);
    engine.advance(60_000);
    expect(same(engine.hostRead(svol.id, 0, MiB), backup)).toBe(true);
  });
});
