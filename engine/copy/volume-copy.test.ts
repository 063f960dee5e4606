import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { createFixture, MiB, pattern } from '../testing/fixture';

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

function setup() {
  const fixture = createFixture();
  const { engine } = fixture;
  const source = fixture.volume('santricity', 0); // owner A
  const target = fixture.volume('santricity', 1); // owner B
  engine.hostWrite(source.id, 0, pattern(MiB, 1));
  return { ...fixture, engine, source, target };
}

describe('santricity volume copy', () => {
  it('adds every byte a copy accounts to the fleet-wide total, once', () => {
    const { engine, source, target } = setup();
    expect(engine.copiedBytesSinceStart()).toBe(0);
    engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });
    engine.advance(60_000);
    expect(engine.copiedBytesSinceStart()).toBe(MiB);
    engine.advance(60_000);
    expect(engine.copiedBytesSinceStart()).toBe(MiB);
  });

  it('copies the source onto the target, moving target ownership for the copy and back after', () => {
    const { engine, source, target } = setup();
    const events: string[] = [];
    engine.on((e) => {
      if (e.kind === 'volume.owner-changed') events.push(`${e.volumeId}:${e.from}->${e.to}`);
    });
    const copy = engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });
    expect(copy.state).toBe('in-progress');
    expect(target.currentOwner).toBe('A');
    expect(source.roles).toEqual(['source']);
    expect(target.roles).toEqual(['target']);
    expect(() => engine.hostWrite(source.id, 0, new Uint8Array(512))).toThrow(/read-only/);
    expect(engine.hostRead(source.id, 0, 512).length).toBe(512);
    engine.advance(60_000);
    expect(copy.state).toBe('completed');
    expect(target.currentOwner).toBe('B');
    expect(events).toEqual([`${target.id}:B->A`, `${target.id}:A->B`]);
    expect(equal(engine.hostRead(target.id, 0, MiB), pattern(MiB, 1))).toBe(true);
    // Target read-only attribute on by default; the source is writable again.
    expect(() => engine.hostWrite(target.id, 0, new Uint8Array(512))).toThrow(EngineError);
    engine.hostWrite(source.id, 0, new Uint8Array(512));
    engine.setOptions(copy.id, { targetReadOnly: false });
    engine.hostWrite(target.id, 0, new Uint8Array(512));
  });

  it('keeps at most 8 copies in progress per array; the rest start by priority, then age', () => {
    const fixture = createFixture({ volumesPerArray: 24 });
    const { engine } = fixture;
    const copies = Array.from({ length: 11 }, (_, i) =>
      engine.createCopy({
        type: 'volume-copy',
        sourceVolumeId: fixture.volume('santricity', i * 2).id,
        targetVolumeId: fixture.volume('santricity', i * 2 + 1).id,
        options: { priority: i === 10 ? 'highest' : 'low' },
      }),
    );
    expect(copies.filter((c) => c.state === 'in-progress')).toHaveLength(8);
    expect(copies.slice(8).map((c) => c.state)).toEqual(['pending', 'pending', 'pending']);
    engine.act(copies[0]!.id, 'stop');
    // The highest-priority pending copy takes the freed slot ahead of older ones.
    expect(copies[10]!.state).toBe('in-progress');
    expect(copies[8]!.state).toBe('pending');
    engine.act(copies[1]!.id, 'stop');
    expect(copies[8]!.state).toBe('in-progress');
  });

  it('stops, recopies, and on removal keeps the target data and restores roles', () => {
    const { engine, source, target } = setup();
    const copy = engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { priority: 'lowest' } });
    engine.advance(10);
    engine.act(copy.id, 'stop');
    expect(copy.state).toBe('stopped');
    expect(target.currentOwner).toBe('B');
    expect(() => engine.act(copy.id, 'stop')).toThrow(/not allowed while the volume copy is stopped/);
    engine.act(copy.id, 'recopy');
    engine.advance(60_000);
    expect(copy.state).toBe('completed');
    engine.removeCopy(copy.id);
    expect(engine.copy(copy.id)).toBeUndefined();
    expect(source.roles).toEqual([]);
    expect(target.roles).toEqual([]);
    expect(target.readOnly).toBe(false);
    expect(equal(engine.hostRead(target.id, 0, MiB), pattern(MiB, 1))).toBe(true);
  });

  it('refuses a smaller target and a target already in a pair, listing every reason', () => {
    const fixture = createFixture({ capacityOverrides: { 3: MiB / 2 } });
    const { engine } = fixture;
    const source = fixture.volume('santricity', 0);
    engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: fixture.volume('santricity', 1).id });
    const small = fixture.volume('santricity', 3);
    try {
      engine.createCopy({ type: 'volume-copy', sourceVolumeId: fixture.volume('santricity', 2).id, targetVolumeId: small.id });
      expect.unreachable();
    } catch (error) {
      expect((error as EngineError).kind).toBe('rule');
      expect((error as EngineError).reasons.join()).toMatch(/at least as large/);
    }
    const eligibility = engine.eligibility('volume-copy', fixture.volume('santricity', 2).id);
    expect(eligibility.find((e) => e.volumeId === fixture.volume('santricity', 1).id)?.reasons.join()).toMatch(/already the target/);
    expect(eligibility.find((e) => e.volumeId === fixture.volume('santricity', 5).id)?.eligible).toBe(true);
  });
});

describe('volume copy created without starting', () => {
  it('rests in stopped with no start on record, which the first start sets', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const copy = engine.createCopy({
      type: 'volume-copy',
      sourceVolumeId: fixture.volume('santricity', 0).id,
      targetVolumeId: fixture.volume('santricity', 1).id,
      start: false,
    });
    expect(copy.state).toBe('stopped');
    expect(engine.view(copy).lastStarted).toBeNull();
    engine.act(copy.id, 'start');
    expect(engine.view(copy).lastStarted).not.toBeNull();
  });
});
