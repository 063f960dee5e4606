// Injected faults: each leads to the vendor's state and each has its recovery (docs/domain.md#faults).
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { createFixture, MiB, pattern } from '../testing/fixture';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

function kindOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof EngineError ? `${error.kind}: ${error.message}` : String(error);
  }
  return 'no error';
}

describe('volume I/O error', () => {
  it('fails an in-progress volume copy; hosts are refused; recopy waits for the fault to clear', () => {
    const fixture = createFixture({ volumesPerArray: 4, capacityBytes: 32 * MiB });
    const { engine } = fixture;
    const source = fixture.volume('santricity', 0);
    const target = fixture.volume('santricity', 1);
    engine.hostWrite(source.id, 0, pattern(MiB, 5));
    const copy = engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { priority: 'lowest' } });
    engine.advance(500);
    const fault = engine.injectFault({ kind: 'volume-io-error', volumeId: target.id });
    expect(copy.state).toBe('failed');
    expect(fault.effect).toBe(`hosts cannot read or write santricity_vol_1; volume-copy ${copy.name}: in-progress → failed`);
    expect(target.status).toBe('failed');
    expect(target.currentOwner).toBe('B'); // no longer in progress: back to its own controller
    expect(kindOf(() => engine.hostRead(target.id, 0, 1))).toMatch(/^locked: volume santricity_vol_1 has an I\/O error \(fault c\d+\)/);
    // docs/domain.md#santricity-volume-copy: while failed, the source accepts reads only.
    expect(kindOf(() => engine.hostWrite(source.id, 0, new Uint8Array(1)))).toMatch(/read-only/);
    expect(kindOf(() => engine.act(copy.id, 'recopy'))).toMatch(/^conflict: volcopy\d+: recopy is refused while volume santricity_vol_1 has an I\/O error/);
    expect(engine.actions(copy).find((a) => a.action === 'recopy')).toMatchObject({ allowed: false, reason: expect.stringMatching(/I\/O error/) });
    expect(kindOf(() => engine.injectFault({ kind: 'volume-io-error', volumeId: target.id }))).toMatch(/^conflict: .*already has an I\/O error/);

    engine.clearFault(fault.id);
    expect(target.status).toBe('online');
    expect(copy.state).toBe('failed'); // recovering the copy is an action
    engine.act(copy.id, 'recopy');
    engine.advance(10_000);
    expect(copy.state).toBe('completed');
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 5))).toBe(true);
    expect(engine.faults()).toEqual([]);
    expect(kindOf(() => engine.clearFault(fault.id))).toMatch(/^not-found/);
  });

  it('suspends a ShadowImage pair to PSUE; the P-VOL stays writable; resync after clearing restores the mirror', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const primary = fixture.volume('xp7', 0);
    const secondary = fixture.volume('xp7', 1);
    engine.hostWrite(primary.id, 0, pattern(MiB, 6));
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: primary.id, targetVolumeId: secondary.id });
    engine.advance(5_000);
    expect(pair.state).toBe('PAIR');
    const fault = engine.injectFault({ kind: 'volume-io-error', volumeId: secondary.id });
    expect(pair.state).toBe('PSUE');
    engine.hostWrite(primary.id, 0, pattern(4096, 7));
    expect(kindOf(() => engine.act(pair.id, 'resync'))).toMatch(/^conflict: sipair\d+: resync is refused/);
    engine.clearFault(fault.id);
    engine.act(pair.id, 'resync');
    engine.advance(5_000);
    expect(pair.state).toBe('PAIR');
    expect(same(engine.hostRead(secondary.id, 0, MiB), engine.hostRead(primary.id, 0, MiB))).toBe(true);
  });

  it('stops a Storwize mapping (target offline, data lost); restart recovers', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(MiB, 8));
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } });
    engine.advance(3_000);
    expect(map.state).toBe('copying');
    const fault = engine.injectFault({ kind: 'volume-io-error', volumeId: source.id });
    expect(map.state).toBe('stopped');
    expect(map.toCopy.count()).toBe(0); // discard-target: the copy's work is void, as the manual says
    expect(kindOf(() => engine.act(map.id, 'start'))).toMatch(/^conflict/);
    engine.clearFault(fault.id);
    engine.act(map.id, 'start');
    engine.advance(2_000);
    expect(map.state).toBe('copying');
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 8))).toBe(true);
  });

  it('ends a DS6000 relationship; establishing again recovers once the fault is cleared', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('ds6000', 0);
    const target = fixture.volume('ds6000', 1);
    const rel = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { mode: 'nocopy' } });
    const fault = engine.injectFault({ kind: 'volume-io-error', volumeId: target.id });
    expect(rel.state).toBe('ended');
    expect(kindOf(() => engine.act(rel.id, 'start', 'copy'))).toMatch(/^conflict/);
    engine.clearFault(fault.id);
    engine.act(rel.id, 'start', 'copy');
    expect(rel.state).toBe('copying');
  });

  it('goes away with its volume when the volume is deleted', () => {
    const fixture = createFixture({ volumesPerArray: 2 });
    const { engine } = fixture;
    const volume = fixture.volume('ds6000', 1);
    engine.injectFault({ kind: 'volume-io-error', volumeId: volume.id });
    engine.removeVolume(volume.id);
    expect(engine.faults()).toEqual([]);
  });
});

describe('Storwize FlashCopy metadata loss', () => {
  it('suspends a copying mapping (both volumes offline) and resumes copying where it was when access returns', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(MiB, 9));
    const map = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } });
    engine.advance(4_000);
    const left = map.toCopy.count();
    expect(left).toBeGreaterThan(0);
    const fault = engine.injectFault({ kind: 'metadata-loss', copyId: map.id });
    expect(map.state).toBe('suspended');
    expect(fault.resumeState).toBe('copying');
    expect(kindOf(() => engine.hostRead(source.id, 0, 1))).toMatch(/not accessible/);
    expect(kindOf(() => engine.hostRead(target.id, 0, 1))).toMatch(/not accessible/);
    engine.advance(10_000);
    expect(map.toCopy.count()).toBe(left); // nothing copied, nothing lost
    expect(kindOf(() => engine.injectFault({ kind: 'metadata-loss', copyId: map.id }))).toMatch(/^conflict: .*already lost/);
    engine.clearFault(fault.id);
    expect(map.state).toBe('copying');
    expect(same(engine.hostRead(target.id, 0, MiB), pattern(MiB, 9))).toBe(true);
    engine.advance(10_000);
    expect(map.state).toBe('idle_or_copied');
  });

  it('returns a mapping suspended while stopping to stopping, which then completes', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      options: { copyRate: 1 },
    });
    engine.advance(2_000);
    engine.act(map.id, 'stop');
    expect(map.state).toBe('stopping');
    const fault = engine.injectFault({ kind: 'metadata-loss', copyId: map.id });
    expect(map.state).toBe('suspended');
    engine.advance(5_000);
    expect(map.state).toBe('suspended'); // the stop's timer waits for the metadata
    engine.clearFault(fault.id);
    expect(map.state).toBe('stopping');
    engine.advance(1_000);
    expect(map.state).toBe('stopped');
  });

  it('applies to Storwize mappings that are copying or stopping only', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const idle = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
    });
    expect(kindOf(() => engine.injectFault({ kind: 'metadata-loss', copyId: idle.id }))).toMatch(
      new RegExp(`^conflict: mapping ${idle.name} is idle_or_copied`),
    );
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: fixture.volume('xp7', 0).id, targetVolumeId: fixture.volume('xp7', 1).id });
    expect(kindOf(() => engine.injectFault({ kind: 'metadata-loss', copyId: pair.id }))).toMatch(/^rule: losing FlashCopy metadata access is a Storwize fault/);
    expect(kindOf(() => engine.injectFault({ kind: 'metadata-loss', copyId: 'nope' }))).toMatch(/^not-found/);
    expect(engine.faults()).toEqual([]);
  });
});

describe('controller failure as a fault', () => {
  it('is listed while in force and clearing it restores the controller', () => {
    const fixture = createFixture({ volumesPerArray: 4 });
    const { engine } = fixture;
    const fault = engine.injectFault({ kind: 'controller-failure', arrayId: 'storwize', slot: 'B' });
    expect(engine.faults().map((f) => [f.kind, f.targetName])).toEqual([['controller-failure', 'controller B']]);
    expect(fixture.volume('storwize', 1).currentOwner).toBe('A');
    engine.clearFault(fault.id);
    expect(engine.fleet.array('storwize')?.controllers.B).toBe('online');
    expect(fixture.volume('storwize', 1).currentOwner).toBe('B');
    expect(engine.faults()).toEqual([]);
  });
});
