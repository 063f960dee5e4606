import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

function paired(capacityBytes = MiB) {
  const fixture = createFixture({ capacityBytes });
  const { engine } = fixture;
  const pvol = fixture.volume('xp7', 0);
  const svol = fixture.volume('xp7', 1);
  engine.hostWrite(pvol.id, 0, pattern(MiB, 3));
  const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id });
  return { fixture, engine, pvol, svol, pair };
}

describe('xp7 ShadowImage', () => {
  it('runs the initial copy COPY(PD) → PAIR with the S-VOL read-only and P-VOL writable', () => {
    const { engine, pvol, svol, pair } = paired();
    expect(pair.state).toBe('COPY(PD)');
    expect(pvol.roles).toEqual(['P-VOL']);
    expect(svol.roles).toEqual(['S-VOL']);
    expect(svol.readOnly).toBe(true);
    expect(() => engine.hostWrite(svol.id, 0, new Uint8Array(8))).toThrow(/S-VOL .* COPY\(PD\), where it is read-only/);
    engine.hostWrite(pvol.id, 4096, new Uint8Array(8).fill(9));
    engine.advance(1_000);
    expect(pair.state).toBe('PAIR');
    expect(same(engine.hostRead(svol.id, 0, MiB), engine.hostRead(pvol.id, 0, MiB))).toBe(true);
  });

  it('marks P-VOL writes in PAIR as differential and copies them by an update copy', () => {
    // 16 MiB: one 64 KiB grain is below the 1 % of differential data that triggers an update copy.
    const { engine, pvol, svol, pair } = paired(16 * MiB);
    engine.advance(5_000);
    expect(pair.state).toBe('PAIR');
    engine.hostWrite(pvol.id, 0, new Uint8Array(100).fill(7));
    expect(engine.view(pair).differentialBytes).toBe(64 * 1024);
    engine.advance(1_000); // too little differential for an update copy yet, and too soon
    expect(engine.hostRead(svol.id, 0, 1)[0]).not.toBe(7);
    engine.advance(30_000);
    expect(engine.hostRead(svol.id, 0, 1)[0]).toBe(7);
    expect(engine.view(pair).differentialBytes).toBe(0);
  });

  it('quick split: the S-VOL shows the split-instant image at once and becomes writable', () => {
    const { engine, pvol, svol, pair } = paired();
    engine.advance(1_000);
    engine.hostWrite(pvol.id, 0, pattern(MiB, 5)); // differences not yet copied
    const atSplit = engine.hostRead(pvol.id, 0, MiB);
    engine.act(pair.id, 'split', 'quick');
    expect(pair.state).toBe('PSUS(SP)');
    engine.hostWrite(pvol.id, 0, pattern(MiB, 6)); // after the split: must not reach the S-VOL
    expect(same(engine.hostRead(svol.id, 0, MiB), atSplit)).toBe(true);
    engine.hostWrite(svol.id, 100, new Uint8Array([1, 2, 3]));
    engine.advance(5_000);
    expect(pair.state).toBe('PSUS');
    const expected = Uint8Array.from(atSplit);
    expected.set([1, 2, 3], 100);
    expect(same(engine.hostRead(svol.id, 0, MiB), expected)).toBe(true);
  });

  it('steady split copies the remaining differences before PSUS; resync normal and reverse restore the mirror', () => {
    const { engine, pvol, svol, pair } = paired();
    engine.advance(1_000);
    engine.hostWrite(pvol.id, 0, new Uint8Array(10).fill(3)); // a difference the steady split copies
    engine.act(pair.id, 'split', 'steady');
    expect(pair.state).toBe('COPY(SP)');
    expect(() => engine.hostWrite(svol.id, 0, new Uint8Array(1))).toThrow(/read-only/);
    engine.advance(1_000);
    expect(pair.state).toBe('PSUS');
    engine.hostWrite(svol.id, 0, new Uint8Array(10).fill(4));
    engine.act(pair.id, 'resync', 'reverse');
    expect(pair.state).toBe('COPY(RS-R)');
    expect(() => engine.hostWrite(pvol.id, 0, new Uint8Array(1))).toThrow(/P-VOL .* COPY\(RS-R\)/);
    expect(engine.hostRead(pvol.id, 0, 1)[0]).toBe(4); // the P-VOL already presents the restored image
    engine.advance(1_000);
    expect(pair.state).toBe('PAIR');
    expect(same(engine.hostRead(pvol.id, 0, MiB), engine.hostRead(svol.id, 0, MiB))).toBe(true);
    engine.act(pair.id, 'split', 'quick');
    engine.advance(1_000);
    engine.hostWrite(pvol.id, 0, new Uint8Array(10).fill(8));
    engine.act(pair.id, 'resync', 'normal');
    expect(pair.state).toBe('COPY(RS)');
    engine.advance(1_000);
    expect(pair.state).toBe('PAIR');
    expect(engine.hostRead(svol.id, 0, 1)[0]).toBe(8);
  });

  it('refuses actions the state does not allow, changing nothing', () => {
    const { engine, pair } = paired();
    expect(() => engine.act(pair.id, 'resync', 'normal')).toThrow(/not allowed while the pair is COPY\(PD\)/);
    expect(() => engine.act(pair.id, 'split', 'sideways')).toThrow(/mode/);
    expect(() => engine.act(pair.id, 'explode')).toThrow(/no action/);
    expect(pair.state).toBe('COPY(PD)');
  });

  it('suspends to PSUE and recovers by a full resync', () => {
    const { engine, pvol, svol, pair } = paired();
    engine.advance(1_000);
    engine.act(pair.id, 'suspend');
    expect(pair.state).toBe('PSUE');
    expect(() => engine.hostWrite(svol.id, 0, new Uint8Array(1))).toThrow(/PSUE/);
    engine.hostWrite(pvol.id, 0, new Uint8Array(1).fill(2));
    engine.act(pair.id, 'resync');
    expect(engine.view(pair).progress.percent).toBe(0);
    engine.advance(1_000);
    expect(pair.state).toBe('PAIR');
    expect(engine.hostRead(svol.id, 0, 1)[0]).toBe(2);
  });

  it('allows three S-VOLs per P-VOL and no fourth; equal sizes only', () => {
    const fixture = createFixture({ capacityOverrides: { 5: 2 * MiB } });
    const { engine } = fixture;
    const pvol = fixture.volume('xp7', 0);
    for (const index of [1, 2, 3]) engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: fixture.volume('xp7', index).id });
    expect(() => engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: fixture.volume('xp7', 4).id })).toThrow(/maximum of 3/);
    const reasons = engine.eligibility('shadowimage', fixture.volume('xp7', 6).id).find((e) => e.volumeId === fixture.volume('xp7', 5).id)?.reasons ?? [];
    expect(reasons.join()).toMatch(/same size/);
  });

  it('deletes through SMPL(PD); the S-VOL keeps its data and both volumes are simplex again', () => {
    const { engine, pvol, svol, pair } = paired();
    engine.advance(1_000);
    engine.removeCopy(pair.id);
    expect(pair.state).toBe('SMPL(PD)');
    engine.advance(1_000);
    expect(engine.copy(pair.id)).toBeUndefined();
    expect(svol.roles).toEqual([]);
    expect(pvol.roles).toEqual([]);
    expect(same(engine.hostRead(svol.id, 0, MiB), pattern(MiB, 3))).toBe(true);
    engine.hostWrite(svol.id, 0, new Uint8Array(1));
  });

  it('announces every host write through a pair, so its bitmaps are saved before the write is acknowledged', () => {
    const { engine, pvol, pair } = paired();
    engine.advance(1_000);
    engine.act(pair.id, 'split', 'quick');
    engine.advance(1_000);
    expect(pair.state).toBe('PSUS');
    const progressed: string[] = [];
    engine.on((event) => {
      if (event.kind === 'copy.progress') progressed.push(`${event.copyId}:${event.cause}`);
    });
    const marked = pair.sourceDiff.count();
    engine.hostWrite(pvol.id, 0, new Uint8Array(10).fill(4));
    expect(pair.sourceDiff.count()).toBe(marked + 1);
    expect(progressed).toEqual([`${pair.id}:host-write`]);
    // The same grain again marks nothing new, but is still announced: the persister cannot tell
    // which of the pair's bitmaps are on record, so it saves the pair with every write.
    engine.hostWrite(pvol.id, 100, new Uint8Array(10).fill(5));
    expect(progressed).toEqual([`${pair.id}:host-write`, `${pair.id}:host-write`]);
  });

  describe('pairs sharing a P-VOL and a reverse resync', () => {
    function twoPairs() {
      const fixture = createFixture({ capacityBytes: MiB });
      const { engine } = fixture;
      const pvol = fixture.volume('xp7', 0);
      engine.hostWrite(pvol.id, 0, pattern(MiB, 3));
      const first = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: fixture.volume('xp7', 1).id });
      const second = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: fixture.volume('xp7', 2).id });
      engine.advance(5_000);
      return { fixture, engine, pvol, first, second };
    }

    it('starts a reverse resync only when every other pair of the P-VOL is split', () => {
      const { engine, first, second } = twoPairs();
      engine.act(first.id, 'split', 'quick');
      engine.advance(5_000);
      expect(() => engine.act(first.id, 'resync', 'reverse')).toThrow(new RegExp(`pair ${second.name} is PAIR`));
      engine.act(second.id, 'split', 'quick');
      engine.advance(5_000);
      engine.hostWrite(first.targetVolumeId, 0, new Uint8Array(MiB).fill(6)); // something to restore
      engine.act(first.id, 'resync', 'reverse');
      expect(first.state).toBe('COPY(RS-R)');
    });

    it('lets no other pair of the P-VOL copy, and no new pair start, while the P-VOL is restored', () => {
      const { fixture, engine, pvol, first, second } = twoPairs();
      engine.act(first.id, 'split', 'quick');
      engine.act(second.id, 'split', 'quick');
      engine.advance(5_000);
      engine.hostWrite(fixture.volume('xp7', 1).id, 0, new Uint8Array(MiB).fill(6)); // the S-VOL to restore from
      engine.act(first.id, 'resync', 'reverse');
      expect(first.state).toBe('COPY(RS-R)');
      expect(() => engine.act(second.id, 'resync', 'normal')).toThrow(/restoring the P-VOL/);
      const reasons = engine.eligibility('shadowimage', pvol.id).flatMap((entry) => entry.reasons);
      expect(reasons.some((reason) => /being restored from pair/.test(reason))).toBe(true);
    });

    it('counts the grains a reverse resync rewrites as P-VOL changes for the other pairs, so their resync copies them', () => {
      const { fixture, engine, pvol, first, second } = twoPairs();
      engine.act(first.id, 'split', 'quick');
      engine.act(second.id, 'split', 'quick');
      engine.advance(5_000);
      engine.hostWrite(fixture.volume('xp7', 1).id, 0, new Uint8Array(4096).fill(6));
      engine.act(first.id, 'resync', 'reverse');
      engine.advance(10_000);
      expect(first.state).toBe('PAIR');
      expect(engine.hostRead(pvol.id, 0, 1)[0]).toBe(6);
      engine.act(second.id, 'resync', 'normal');
      engine.advance(10_000);
      expect(second.state).toBe('PAIR');
      expect(same(engine.hostRead(fixture.volume('xp7', 2).id, 0, MiB), engine.hostRead(pvol.id, 0, MiB))).toBe(true);
    });
  });
});
