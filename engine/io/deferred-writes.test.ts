// Host writes held until their marks are saved (EngineOptions.deferHostWrites, io/write-queue.ts):
// the order that keeps a restart from ever showing a target data newer than its T0.
import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const GRAIN_BYTES = 256 * 1024;

describe('deferred host writes', () => {
  it('applies the rules at once and the data only when told the marks are saved', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const plain = volume('storwize', 0);
    const write = engine.hostWrite(plain.id, 0, pattern(4096, 1));
    expect(write.state).toBe('pending');
    expect(engine.pendingHostWrites()).toBe(1);
    expect(engine.hostRead(plain.id, 0, 4096).every((byte) => byte === 0)).toBe(true);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('applied');
    expect(same(engine.hostRead(plain.id, 0, 4096), pattern(4096, 1))).toBe(true);
  });

  it('applies only the writes a save covered, in order', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const plain = volume('storwize', 0);
    const first = engine.hostWrite(plain.id, 0, new Uint8Array(8).fill(1));
    const mark = engine.hostWriteMark();
    const second = engine.hostWrite(plain.id, 0, new Uint8Array(8).fill(2));
    engine.applyHostWrites(mark);
    expect([first.state, second.state]).toEqual(['applied', 'pending']);
    expect(engine.hostRead(plain.id, 0, 1)[0]).toBe(1);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.hostRead(plain.id, 0, 1)[0]).toBe(2);
  });

  it('shows the T0 image, not what the target held before T0, while a whole-grain target write waits', () => {
    // Seed 1008 of the simulation found it: the grain was claimed for the write (no T0 copy) and
    // read stale until the write's data arrived.
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: MiB });
    const source = volume('ds6000', 0);
    const target = volume('ds6000', 2);
    engine.hostWrite(source.id, 0, pattern(MiB, 4));
    engine.hostWrite(target.id, 0, pattern(MiB, 9));
    engine.applyHostWrites(engine.hostWriteMark());
    engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { mode: 'nocopy' } });
    const write = engine.hostWrite(target.id, 0, new Uint8Array(64 * 1024).fill(7));
    expect(write.state).toBe('pending');
    expect(same(engine.hostRead(target.id, 0, 64 * 1024), pattern(MiB, 4).subarray(0, 64 * 1024))).toBe(true);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.hostRead(target.id, 0, 64 * 1024).every((byte) => byte === 7)).toBe(true);
  });

  it('copies T0 data to a FlashCopy target before the source write is even queued', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: 4 * MiB });
    const source = volume('storwize', 0);
    const target = volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(4 * MiB, 3));
    engine.applyHostWrites(engine.hostWriteMark());
    const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    expect(mapping.state).toBe('copying');
    const grainsToCopy = mapping.toCopy.count();
    engine.hostWrite(source.id, 0, new Uint8Array(100).fill(9));
    // The copy-on-write happened with the rules: the grain is on the target and no longer to copy,
    // so a save taken now records a target that already holds T0 for it.
    expect(mapping.toCopy.count()).toBe(grainsToCopy - 1);
    expect(same(engine.hostRead(target.id, 0, GRAIN_BYTES), pattern(4 * MiB, 3).subarray(0, GRAIN_BYTES))).toBe(true);
    expect(engine.hostRead(source.id, 0, 1)[0]).not.toBe(9);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.hostRead(source.id, 0, 1)[0]).toBe(9);
    expect(same(engine.hostRead(target.id, 0, GRAIN_BYTES), pattern(4 * MiB, 3).subarray(0, GRAIN_BYTES))).toBe(true);
  });

  it('holds a write back for another save when its rules mark something new by then', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: 4 * MiB });
    const source = volume('storwize', 0);
    const target = volume('storwize', 1);
    const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    const write = engine.hostWrite(source.id, 0, new Uint8Array(100).fill(9));
    const mark = engine.hostWriteMark();
    // A new T0 before the write is applied: the grain must be copied again first, and that
    // copy-on-write has to be saved before the source changes.
    engine.act(mapping.id, 'stop');
    engine.advance(10_000);
    engine.act(mapping.id, 'start');
    engine.advance(10_000);
    expect(mapping.state).toBe('copying');
    const progressed: string[] = [];
    engine.on((event) => {
      if (event.kind === 'copy.progress') progressed.push(event.cause);
    });
    engine.applyHostWrites(mark);
    expect(write.state).toBe('pending');
    expect(progressed).toContain('host-write');
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('applied');
    expect(engine.hostRead(source.id, 0, 1)[0]).toBe(9);
  });

  it('refuses a queued write when its volume stopped accepting writes before it was applied', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const source = volume('santricity', 0);
    const target = volume('santricity', 1);
    const write = engine.hostWrite(source.id, 0, new Uint8Array(8).fill(4));
    engine.createCopy({ type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('refused');
    expect(write.refusal?.message).toMatch(/read|write/i);
    expect(engine.pendingHostWrites()).toBe(0);
  });

  it("keeps a mirror's grains marked while a write to them waits, so the S-VOL gets it", () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: MiB });
    const pvol = volume('xp7', 0);
    const svol = volume('xp7', 1);
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id });
    const write = engine.hostWrite(pvol.id, 0, pattern(MiB, 8));
    // The initial copy runs while the write waits: it copies the old data, but the grains stay marked.
    engine.advance(2_000);
    expect(pair.toCopy.count()).toBe(pair.grainCount);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('applied');
    engine.advance(60_000);
    expect(pair.state).toBe('PAIR');
    expect(same(engine.hostRead(svol.id, 0, MiB), pattern(MiB, 8))).toBe(true);
  });

  it('refuses a queued write when its volume got an I/O error or lost its controllers before it was applied', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const failing = volume('storwize', 0);
    const write = engine.hostWrite(failing.id, 0, new Uint8Array(8).fill(4));
    engine.injectFault({ kind: 'volume-io-error', volumeId: failing.id });
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('refused');
    expect(write.refusal?.message).toMatch(/I\/O error/);
  });
});
