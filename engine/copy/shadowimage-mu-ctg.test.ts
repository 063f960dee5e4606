import { describe, expect, it } from 'vitest';
import { createFixture } from '../testing/fixture';

const options = (relationship: { options: object }) => relationship.options as { mu?: number };

describe('XP7 ShadowImage MU numbers', () => {
  it('gives each pair of a P-VOL the smallest free MU number, or the one asked for, once', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [pvol, a, b, c] = [0, 1, 2, 3].map((i) => fixture.volume('xp7', i));
    const second = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: a!.id, options: { mu: 1 } });
    const first = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: b!.id });
    expect([options(second).mu, options(first).mu]).toEqual([1, 0]);
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: c!.id, options: { mu: 0 } })).toThrow(
      /MU 0 of P-VOL xp7_vol_0 is taken by pair/,
    );
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: c!.id, options: { mu: 3 } })).toThrow(
      /mu: must be a whole number from 0 to 2/,
    );
    expect(options(engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: c!.id })).mu).toBe(2);
    // Fixed at creation: scripts name the pair by its P-VOL and MU number.
    expect(() => engine.setOptions(first.id, { mu: 2 })).toThrow(/cannot change after the relationship is created/);
  });

  it('numbers layer-2 pairs 1 and 2: MU 0 of a layer-1 S-VOL is its own pair', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [pvol, svol, l2a, l2b] = [0, 1, 2, 3].map((i) => fixture.volume('xp7', i));
    engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: svol!.id });
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2a!.id, options: { mu: 0 } })).toThrow(
      /layer-2 pairs take MU 1 or 2/,
    );
    expect(options(engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2a!.id })).mu).toBe(1);
    expect(options(engine.createCopy({ type: 'shadowimage', sourceVolumeId: svol!.id, targetVolumeId: l2b!.id })).mu).toBe(2);
  });
});

describe('XP7 consistency groups (CTG)', () => {
  it('takes pairs when they are created, keeps them, and splits them all at one instant', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [p1, s1, p2, s2, p3, s3] = [0, 1, 2, 3, 4, 5].map((i) => fixture.volume('xp7', i));
    const first = engine.createCopy({ type: 'shadowimage', sourceVolumeId: p1!.id, targetVolumeId: s1!.id, consistencyGroupId: 'ctg1' });
    engine.advance(5_000);
    // A second pair joins while the first is in PAIR: CTG pairs are created one by one.
    const second = engine.createCopy({ type: 'shadowimage', sourceVolumeId: p2!.id, targetVolumeId: s2!.id, consistencyGroupId: 'ctg1' });
    engine.advance(5_000);
    expect([first.state, second.state]).toEqual(['PAIR', 'PAIR']);
    const loner = engine.createCopy({ type: 'shadowimage', sourceVolumeId: p3!.id, targetVolumeId: s3!.id });
    expect(() => engine.setCopyGroup(loner.id, 'ctg1')).toThrow(/joins a consistency group only when it is created/);
    expect(() => engine.setCopyGroup(first.id, null)).toThrow(/leaves it only when deleted/);

    const split = engine.actOnGroup('ctg1', 'split', 'quick');
    expect(split.map((pair) => pair.state)).toEqual(['PSUS', 'PSUS']);
    expect(new Set(split.map((pair) => pair.pointInTimeMs)).size).toBe(1);
    // Members still act alone: a script may resync one pair of the group.
    engine.act(first.id, 'resync', 'normal');
    expect(first.state).toBe('PAIR');
    expect(second.state).toBe('PSUS');
  });
});
