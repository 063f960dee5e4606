import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';
import type { Engine } from '../engine';

const KiB = 1024;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** A Storwize mapping started now (prepare passes in 2 s of simulated time). */
function started(engine: Engine, sourceVolumeId: string, targetVolumeId: string, options: Record<string, unknown> = {}) {
  const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId, targetVolumeId, options: { copyRate: 0, ...options } });
  engine.advance(2_000);
  expect(mapping.state).toBe('copying');
  return mapping;
}

describe('Storwize chains: multiple targets, cascades, cleaning, restores', () => {
  it('several targets of one source each present their own T0; a source write is saved once, on the newest target', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, older, newer] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(source!.id, 0, pattern(MiB, 1));
    const first = started(engine, source!.id, older!.id);
    engine.hostWrite(source!.id, 0, pattern(256 * KiB, 2));
    const second = started(engine, source!.id, newer!.id);
    const atSecond = engine.hostRead(source!.id, 0, MiB);
    engine.hostWrite(source!.id, 256 * KiB, pattern(256 * KiB, 3));
    // The newest mapping took the grain; the older one reads it through the newer target.
    expect(second.toCopy.get(1)).toBe(false);
    expect(first.toCopy.get(1)).toBe(true);
    expect(same(engine.hostRead(older!.id, 0, MiB), pattern(MiB, 1))).toBe(true);
    expect(same(engine.hostRead(newer!.id, 0, MiB), atSecond)).toBe(true);
    // The older mapping now depends on the newer one for that grain.
    expect(engine.view(second).chain?.dependentMappingIds).toEqual([first.id]);
  });

  it('a cascade target reads its source mapping’s image through the chain, whatever is written where', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [a, b, c] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(a!.id, 0, pattern(MiB, 5));
    started(engine, a!.id, b!.id);
    const bImage = engine.hostRead(b!.id, 0, MiB);
    const cascade = started(engine, b!.id, c!.id, { grainSize: 64 });
    engine.hostWrite(a!.id, 100 * KiB, pattern(300 * KiB, 6));
    engine.hostWrite(b!.id, 500 * KiB, pattern(100 * KiB, 7));
    expect(same(engine.hostRead(c!.id, 0, MiB), bImage)).toBe(true);
    engine.act(cascade.id, 'stop');
    expect(cascade.state).toBe('stopping');
  });

  it('stopping the middle of a cascade copies what the next mapping still reads through it, at the clean rate, then stops', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [a, b, c] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(a!.id, 0, pattern(MiB, 8));
    const middle = started(engine, a!.id, b!.id, { cleanRate: 1 });
    const last = started(engine, b!.id, c!.id);
    engine.act(middle.id, 'stop');
    expect(middle.state).toBe('stopping');
    const atStop = engine.view(middle).chain!;
    expect(atStop.cleanGrains).toBe(4);
    expect(atStop.cleanProgress).toBe(0);
    // Clean rate 1 = 128 KiB/s: one 256 KiB grain every 2 s.
    engine.advance(2_000);
    expect(middle.state).toBe('stopping');
    expect(engine.view(middle).chain?.cleanProgress).toBe(25);
    // A source write meanwhile is saved for the mapping still reading through the stopping one.
    engine.hostWrite(a!.id, 0, pattern(64 * KiB, 9));
    engine.advance(6_000);
    expect(middle.state).toBe('stopped');
    expect(engine.view(middle).chain?.cleanGrains).toBe(0);
    expect(same(engine.hostRead(c!.id, 0, MiB), pattern(MiB, 8))).toBe(true);
    // Deleted, the middle target is writable again; the cascade target keeps its image.
    engine.removeCopy(middle.id);
    engine.hostWrite(b!.id, 0, pattern(MiB, 10));
    expect(same(engine.hostRead(c!.id, 0, MiB), pattern(MiB, 8))).toBe(true);
    expect(last.state).toBe('idle_or_copied');
  });

  it('a complete mapping others read through becomes copied only once it has no dependent mappings', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, older, newer] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(source!.id, 0, pattern(MiB, 10));
    const first = started(engine, source!.id, older!.id);
    const second = started(engine, source!.id, newer!.id, { copyRate: 100, cleanRate: 1 });
    engine.hostWrite(source!.id, 0, pattern(MiB, 11));
    engine.advance(1_000);
    expect(second.toCopy.count()).toBe(0);
    expect(second.state).toBe('copying');
    expect(engine.view(second).chain?.dependentMappingIds).toEqual([first.id]);
    engine.advance(10_000);
    expect(second.state).toBe('idle_or_copied');
    expect(same(engine.hostRead(older!.id, 0, MiB), pattern(MiB, 10))).toBe(true);
    // The newer target is independent now: writing it leaves the older image alone.
    engine.hostWrite(newer!.id, 0, pattern(MiB, 12));
    expect(same(engine.hostRead(older!.id, 0, MiB), pattern(MiB, 10))).toBe(true);
  });

  it('a restore mapping copies the target back onto the source while the forward mapping copies, which shows restoring', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [source, target] = [0, 1].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(source!.id, 0, pattern(MiB, 13));
    const forward = started(engine, source!.id, target!.id);
    engine.hostWrite(target!.id, 0, pattern(64 * KiB, 14));
    const backup = engine.hostRead(target!.id, 0, MiB);
    engine.hostWrite(source!.id, 512 * KiB, pattern(512 * KiB, 15));
    const restore = started(engine, target!.id, source!.id, { copyRate: 1 });
    expect(same(engine.hostRead(source!.id, 0, MiB), backup)).toBe(true);
    expect(engine.view(forward).chain?.restoring).toBe(true);
    expect(engine.view(forward).chain?.restoredById).toBe(restore.id);
    // Only the grains the forward mapping had copied need copying back.
    expect(restore.toCopy.count()).toBe(3);
    engine.hostWrite(source!.id, 0, pattern(32 * KiB, 16));
    engine.advance(10_000);
    expect(restore.state).toBe('idle_or_copied');
    expect(engine.view(forward).chain?.restoring).toBe(false);
    const expected = Uint8Array.from(backup);
    expected.set(pattern(32 * KiB, 16), 0);
    expect(same(engine.hostRead(source!.id, 0, MiB), expected)).toBe(true);
    expect(same(engine.hostRead(target!.id, 0, MiB), backup)).toBe(true);
  });

  it('a forced delete of a mapping others read through gives them their grains at once', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [a, b, c] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    engine.hostWrite(a!.id, 0, pattern(MiB, 17));
    const middle = started(engine, a!.id, b!.id);
    const last = started(engine, b!.id, c!.id);
    engine.removeCopy(middle.id, { force: true });
    expect(engine.copy(middle.id)).toBeUndefined();
    expect(last.toCopy.count()).toBe(0);
    engine.hostWrite(a!.id, 0, pattern(MiB, 18));
    engine.hostWrite(b!.id, 0, pattern(MiB, 19));
    expect(same(engine.hostRead(c!.id, 0, MiB), pattern(MiB, 17))).toBe(true);
  });

  it('the wizard may cascade from a Storwize target but not beyond 256 mappings of one source', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [a, b, c] = [0, 1, 2].map((i) => fixture.volume('storwize', i));
    started(engine, a!.id, b!.id);
    const entries = engine.eligibility('flashcopy', b!.id);
    expect(entries.find((entry) => entry.volumeId === c!.id)?.eligible).toBe(true);
    expect(entries.find((entry) => entry.volumeId === a!.id)?.eligible).toBe(true);
    // The target of one mapping cannot be the target of a second.
    expect(engine.eligibility('flashcopy', c!.id).find((entry) => entry.volumeId === b!.id)?.reasons[0]).toMatch(/already the target/);
  });
});

describe('Storwize chains in the preview', () => {
  it('says a new mapping is a cascade, another target, or a restore, before it is created', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => fixture.volume('storwize', i));
    const forward = started(engine, a!.id, b!.id);
    const texts = (sourceVolumeId: string, targetVolumeId: string) => {
      const [preview] = engine.preview([{ command: 'create-copy', type: 'flashcopy', sourceVolumeId, targetVolumeId }]);
      expect(preview?.allowed).toBe(true);
      return preview!.consequences.map((consequence) => consequence.text).join('\n');
    };
    expect(texts(b!.id, c!.id)).toMatch(/A cascade: it copies storwize_vol_1 as mapping fcmap0 presents it/);
    expect(texts(a!.id, d!.id)).toMatch(/storwize_vol_0 already has 1 started mapping: this one becomes the newest target/);
    expect(texts(b!.id, a!.id)).toMatch(/A restore: storwize_vol_0 takes storwize_vol_1's image when it starts, and mapping fcmap0 shows it is being restored/);
    expect(forward.state).toBe('copying');
  });
});
