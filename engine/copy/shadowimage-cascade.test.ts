import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

const KiB = 1024;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('XP7 cascades: layer-2 pairs from a layer-1 S-VOL', () => {
  it('allows two layer-2 pairs per S-VOL and no third layer; a layer-2 split waits for its layer-1 pair to split', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [pvol, svol, l2a, l2b, l2c, deeper] = [0, 1, 2, 3, 4, 5].map((i) => fixture.volume('xp7', i));
    engine.hostWrite(pvol!.id, 0, pattern(MiB, 1));
    const layer1 = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: svol!.id });
    const first = engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2a!.id });
    engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2b!.id });
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2c!.id })).toThrow(/already has 2 layer-2 pairs/);
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: l2a!.id, targetVolumeId: deeper!.id })).toThrow(/cascades have two layers/);
    engine.advance(5_000);
    expect(layer1.state).toBe('PAIR');
    expect(first.state).toBe('PAIR');
    expect(same(engine.hostRead(l2a!.id, 0, MiB), pattern(MiB, 1))).toBe(true);
    expect(() => engine.act(first.id, 'split', 'quick')).toThrow(/layer-1 pair .* must be split first/);

    engine.act(layer1.id, 'split', 'quick');
    engine.advance(5_000);
    engine.act(first.id, 'split', 'quick');
    engine.advance(5_000);
    expect(first.state).toBe('PSUS');
    // The layer-1 pair resyncs: its S-VOL changes, the split layer-2 S-VOL keeps its image and
    // the layer-2 pair records the changes for its next resync.
    engine.hostWrite(pvol!.id, 0, pattern(256 * KiB, 2));
    engine.act(layer1.id, 'resync', 'normal');
    engine.advance(60_000);
    expect(layer1.state).toBe('PAIR');
    expect(same(engine.hostRead(l2a!.id, 0, MiB), pattern(MiB, 1))).toBe(true);
    expect(first.sourceDiff.count()).toBeGreaterThan(0);
    engine.act(layer1.id, 'split', 'steady');
    engine.advance(5_000);
    engine.act(first.id, 'resync', 'normal');
    engine.advance(60_000);
    expect(same(engine.hostRead(l2a!.id, 0, MiB), engine.hostRead(pvol!.id, 0, MiB))).toBe(true);
  });
});
