import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

const KiB = 1024;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

function setup(options: Record<string, unknown>) {
  const fixture = createFixture();
  const { engine } = fixture;
  const source = fixture.volume('ds6000', 0);
  const target = fixture.volume('ds6000', 1);
  engine.hostWrite(source.id, 0, pattern(MiB, 1));
  const relationship = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options });
  return { engine, source, target, relationship };
}

describe('DS6000 FlashCopy in depth: persistent, incremental, reverse restore, incomplete images', () => {
  it('a persistent relationship stays at 100 % after its copy until withdrawn', () => {
    const { engine, relationship, target } = setup({ mode: 'copy', persistent: true });
    engine.advance(5_000);
    expect(relationship.state).toBe('copying');
    expect(engine.view(relationship).progress.percent).toBe(100);
    engine.act(relationship.id, 'withdraw');
    expect(relationship.state).toBe('ended');
    expect(target.imageNote ?? null).toBeNull();
  });

  it('change recording: resync takes a new T0 and copies only the grains changed since the last', () => {
    const { engine, relationship, source, target } = setup({ mode: 'copy', persistent: true, incremental: true });
    engine.advance(5_000);
    engine.hostWrite(source.id, 0, pattern(64 * KiB, 2));
    engine.hostWrite(target.id, 512 * KiB, pattern(64 * KiB, 3));
    engine.act(relationship.id, 'resync');
    expect(relationship.state).toBe('copying');
    expect(relationship.toCopy.count()).toBe(2);
    expect(same(engine.hostRead(target.id, 0, MiB), engine.hostRead(source.id, 0, MiB))).toBe(true);
  });

  it('resync and normal reverse restore need change recording, and say so', () => {
    const { engine, relationship } = setup({ mode: 'nocopy' });
    expect(() => engine.act(relationship.id, 'resync')).toThrow(/needs change recording/);
    expect(() => engine.act(relationship.id, 'reverse', 'normal')).toThrow(/needs change recording/);
    expect(() => engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'ds6000-v2', targetVolumeId: 'ds6000-v3', options: { incremental: true } })).toThrow(
      /needs persistent/,
    );
  });

  it('reverse restore puts the target image back on the source and swaps the roles', () => {
    const { engine, relationship, source, target } = setup({ mode: 'nocopy', persistent: true, incremental: true });
    engine.hostWrite(target.id, 0, pattern(64 * KiB, 4));
    const backup = engine.hostRead(target.id, 0, MiB);
    engine.hostWrite(source.id, 256 * KiB, pattern(512 * KiB, 5));
    engine.act(relationship.id, 'reverse', 'normal');
    expect(relationship.sourceVolumeId).toBe(target.id);
    expect(relationship.targetVolumeId).toBe(source.id);
    expect(same(engine.hostRead(source.id, 0, MiB), backup)).toBe(true);
    expect(same(engine.hostRead(target.id, 0, MiB), backup)).toBe(true);
    engine.advance(5_000);
    expect(same(engine.hostRead(source.id, 0, MiB), backup)).toBe(true);
    expect(source.roles).toEqual(['target']);
    expect(target.imageNote ?? null).toBeNull();
  });

  it('fast reverse restore goes at once and leaves the original target without a usable image', () => {
    const { engine, relationship, source, target } = setup({ mode: 'nocopy' });
    const backup = engine.hostRead(target.id, 0, MiB);
    engine.hostWrite(source.id, 0, pattern(MiB, 6));
    engine.act(relationship.id, 'reverse', 'fast');
    expect(same(engine.hostRead(source.id, 0, MiB), backup)).toBe(true);
    expect(target.imageNote ?? null).toBeNull();
    const second = setup({ mode: 'nocopy' });
    second.engine.act(second.relationship.id, 'reverse', 'fast');
    expect(second.target.imageNote).toMatch(/no usable image/);
  });

  it('a nocopy relationship withdrawn before everything was copied marks its target incomplete; establishing again clears it', () => {
    const { engine, relationship, source, target } = setup({ mode: 'nocopy' });
    engine.hostWrite(source.id, 0, pattern(256 * KiB, 7));
    engine.act(relationship.id, 'withdraw');
    expect(target.imageNote).toMatch(/incomplete FlashCopy image: .* ended with 75 % still to copy/);
    engine.act(relationship.id, 'start', 'copy');
    expect(target.imageNote ?? null).toBeNull();
  });
});
