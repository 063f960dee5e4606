// DS6000 consistency groups with freeze and thaw (docs/domain.md#ds6000-consistency-groups): the
// sources of relationships established with freeze take no host writes from their own T0 until the
// group is thawed or the freeze times out, so the targets form a consistent set.
import { describe, expect, it } from 'vitest';
import { ENGINE_ERROR_STATUS, EngineError } from '../errors';
import type { EngineEvent } from '../events';
import { createFixture, FIXTURE_START_MS, MiB, pattern } from '../testing/fixture';
import { DS6000_FREEZE_TIMEOUT_MS } from './chosen-values';
import type { Relationship } from './relationship';

const KiB = 1024;
const GROUP = { id: 'g1', arrayId: 'ds6000', name: 'fcgrp1' };
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const iso = (ms: number) => new Date(ms).toISOString();

function setup() {
  const fixture = createFixture();
  const { engine } = fixture;
  engine.putGroup(GROUP);
  const [a, b, c, d] = [0, 1, 2, 3].map((index) => fixture.volume('ds6000', index));
  if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('the fixture has four DS6000 volumes');
  engine.hostWrite(a.id, 0, pattern(MiB, 1));
  engine.hostWrite(c.id, 0, pattern(MiB, 2));
  const events: EngineEvent[] = [];
  engine.on((event) => events.push(event));
  const establish = (sourceVolumeId: string, targetVolumeId: string, extra: Record<string, unknown> = {}) =>
    engine.createCopy({ type: 'flashcopy', sourceVolumeId, targetVolumeId, options: { mode: 'nocopy' }, consistencyGroupId: GROUP.id, freeze: true, ...extra });
  return { fixture, engine, a, b, c, d, events, establish };
}

/** The refusal a host write meets, as the API would answer it. */
function writeRefusal(write: () => unknown): { status: number; message: string } {
  try {
    write();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { status: ENGINE_ERROR_STATUS[error.kind], message: error.message };
  }
  throw new Error('the write was not refused');
}

const marks = (r: Relationship) => [r.toCopy.count(), r.sourceDiff.count(), r.targetDiff.count()];

describe('DS6000 consistency groups: freeze and thaw', () => {
  it('holds each source from its own T0 until the thaw: writes refused (423) and nothing changes; reads go on; targets keep T0', () => {
    const { engine, a, b, c, d, establish } = setup();
    const first = establish(a.id, b.id);
    expect(first.state).toBe('nocopy');
    expect(first.frozenUntilMs).toBe(FIXTURE_START_MS + DS6000_FREEZE_TIMEOUT_MS);
    engine.advance(30_000);
    const second = establish(c.id, d.id);
    expect(second.frozenUntilMs).toBe(FIXTURE_START_MS + 30_000 + DS6000_FREEZE_TIMEOUT_MS);

    for (const [volume, relationship, seed] of [
      [a, first, 1],
      [c, second, 2],
    ] as const) {
      const before = marks(relationship);
      const refusal = writeRefusal(() => engine.hostWrite(volume.id, 0, pattern(64 * KiB, 9)));
      expect(refusal.status).toBe(423);
      expect(refusal.message).toBe(
        `volume ${volume.name} is frozen by consistency group fcgrp1 (extended long busy) until ${iso(relationship.frozenUntilMs ?? 0)}; thaw the group`,
      );
      expect(marks(relationship)).toEqual(before);
      expect(same(engine.hostRead(volume.id, 0, MiB), pattern(MiB, seed))).toBe(true);
    }
    // Only sources freeze: a target takes writes (and keeps them), and reads them back.
    engine.hostWrite(b.id, 512 * KiB, pattern(64 * KiB, 3));
    expect(same(engine.hostRead(b.id, 0, 512 * KiB), pattern(MiB, 1).subarray(0, 512 * KiB))).toBe(true);
    expect(same(engine.hostRead(d.id, 0, MiB), pattern(MiB, 2))).toBe(true);

    const thawed = engine.thawGroup(GROUP.id);
    expect(thawed.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    expect([first.frozenUntilMs, second.frozenUntilMs]).toEqual([null, null]);
    engine.hostWrite(a.id, 0, pattern(MiB, 4));
    engine.hostWrite(c.id, 0, pattern(MiB, 5));
    // Both targets still present their T0 images: the set the freeze kept consistent.
    expect(same(engine.hostRead(b.id, 0, 512 * KiB), pattern(MiB, 1).subarray(0, 512 * KiB))).toBe(true);
    expect(same(engine.hostRead(d.id, 0, MiB), pattern(MiB, 2))).toBe(true);
    expect(same(engine.hostRead(a.id, 0, MiB), pattern(MiB, 4))).toBe(true);
  });

  it('a freeze times out 120 simulated seconds after its own T0, each member at its own time, and says so', () => {
    const { engine, a, b, c, d, establish, events } = setup();
    const first = establish(a.id, b.id);
    engine.advance(30_000);
    const second = establish(c.id, d.id);
    engine.advance(DS6000_FREEZE_TIMEOUT_MS - 30_000 - 1);
    expect(first.frozenUntilMs).not.toBeNull();
    engine.advance(1);
    expect(first.frozenUntilMs).toBeNull();
    expect(second.frozenUntilMs).not.toBeNull();
    engine.hostWrite(a.id, 0, pattern(64 * KiB, 6));
    expect(() => engine.hostWrite(c.id, 0, pattern(64 * KiB, 6))).toThrow(/frozen by consistency group fcgrp1/);
    engine.advance(30_000);
    expect(second.frozenUntilMs).toBeNull();
    engine.hostWrite(c.id, 0, pattern(64 * KiB, 6));
    const timeouts = events.filter((event) => event.kind === 'copy.freeze-changed' && event.cause === 'automatic:freeze-timeout');
    expect(timeouts.map((event) => (event.kind === 'copy.freeze-changed' ? event.copyId : ''))).toEqual([first.id, second.id]);
  });

  it('a host workload on a frozen source counts its writes as refused and goes on reading', () => {
    const { engine, a, b, establish } = setup();
    establish(a.id, b.id);
    const workload = engine.startWorkload(a.id, { pattern: 'random', iops: 100, blockBytes: 4 * KiB, writePercent: 50 });
    engine.advance(2_000);
    expect(workload.stats.rejectedWrites).toBeGreaterThan(0);
    expect(workload.stats.reads).toBeGreaterThan(0);
    expect(workload.stats.writes).toBe(0);
    expect(workload.stats.lastError).toMatch(/frozen by consistency group fcgrp1 \(extended long busy\)/);
    expect(same(engine.hostRead(a.id, 0, MiB), pattern(MiB, 1))).toBe(true);
  });

  it('refuses freeze outside a consistency group, on an action that takes no new T0, and on a service that never freezes', () => {
    const { fixture, engine, a, b, c, d, establish } = setup();
    const alone = () => engine.createCopy({ type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, freeze: true });
    expect(alone).toThrow(/freeze is a consistency-group option/);
    expect(() => alone()).toThrow(expect.objectContaining({ kind: 'rule' }) as Error);
    expect(engine.copiesOf(a.id)).toEqual([]);
    const member = establish(c.id, d.id, { freeze: false });
    expect(member.frozenUntilMs).toBeNull();
    expect(() => engine.act(member.id, 'withdraw', undefined, { freeze: true })).toThrow(/withdraw takes no freeze/);
    expect(member.state).toBe('nocopy');
    const storwize = [0, 1].map((index) => fixture.volume('storwize', index).id);
    expect(() =>
      engine.createCopy({ type: 'flashcopy', sourceVolumeId: storwize[0] ?? '', targetVolumeId: storwize[1] ?? '', consistencyGroupId: 'sw', freeze: true }),
    ).toThrow(/a mapping has no freeze/);
  });

  it('establishes again and resyncs with freeze, each a new T0 and a new timeout; members act alone in their group', () => {
    const { engine, a, b, establish } = setup();
    const relationship = establish(a.id, b.id, { freeze: false, options: { mode: 'nocopy', persistent: true, incremental: true } });
    expect(engine.actions(relationship).find((action) => action.action === 'resync')?.allowed).toBe(true);
    engine.advance(10_000);
    engine.act(relationship.id, 'resync', undefined, { freeze: true });
    expect(relationship.pointInTimeMs).toBe(FIXTURE_START_MS + 10_000);
    expect(relationship.frozenUntilMs).toBe(FIXTURE_START_MS + 10_000 + DS6000_FREEZE_TIMEOUT_MS);
    engine.advance(10_000);
    engine.act(relationship.id, 'withdraw');
    // Withdrawing lets the source go at once.
    expect(relationship.frozenUntilMs).toBeNull();
    engine.hostWrite(a.id, 0, pattern(64 * KiB, 7));
    engine.act(relationship.id, 'start', 'copy', { freeze: true });
    expect(relationship.state).toBe('copying');
    expect(relationship.frozenUntilMs).toBe(FIXTURE_START_MS + 20_000 + DS6000_FREEZE_TIMEOUT_MS);
  });

  it('keeps a frozen source with its group and from a reverse restore; a forced group delete and deleting the record let it go', () => {
    const { engine, a, b, establish } = setup();
    const relationship = establish(a.id, b.id, { options: { mode: 'nocopy', persistent: true, incremental: true } });
    expect(() => engine.setCopyGroup(relationship.id, null)).toThrow(/holds its source frozen for consistency group fcgrp1/);
    const reverse = engine.actions(relationship).find((action) => action.action === 'reverse');
    expect(reverse?.allowed).toBe(false);
    expect(reverse?.reason).toMatch(/the source is frozen by consistency group fcgrp1 .*: thaw the group first/);
    expect(() => engine.act(relationship.id, 'reverse', 'fast')).toThrow(/frozen/);
    engine.setCopyGroup(relationship.id, null, { leaveInAnyState: true });
    expect(relationship.frozenUntilMs).toBeNull();
    engine.hostWrite(a.id, 0, pattern(64 * KiB, 8));
    engine.act(relationship.id, 'withdraw');

    // The copy completes and the relationship ends by itself: the freeze still holds for the group.
    const again = establish(a.id, 'ds6000-v4', { options: { mode: 'copy' } });
    engine.advance(1_000);
    expect(again.state).toBe('ended');
    expect(again.frozenUntilMs).not.toBeNull();
    expect(() => engine.hostWrite(a.id, 0, pattern(64 * KiB, 9))).toThrow(/frozen/);
    engine.removeCopy(again.id);
    engine.hostWrite(a.id, 0, pattern(64 * KiB, 9));
  });

  it('a restarted engine keeps a saved freeze until its time, then thaws', () => {
    const { engine, a, b, establish } = setup();
    const relationship = establish(a.id, b.id);
    engine.advance(60_000);
    // What the server saves and loads again (lib/persist/copy-rows.ts keeps frozenUntilMs in `runtime`).
    const saved: Relationship = { ...relationship, timerId: null, freezeTimerId: null };
    const restarted = createFixture();
    restarted.engine.advance(60_000);
    restarted.engine.putGroup(GROUP);
    restarted.engine.load(
      {
        arrays: [...engine.fleet.allArrays()],
        pools: [0x10, 0x11].flatMap((lss, index) => [{ id: `ds6000-p${index}`, arrayId: 'ds6000', name: `P${index}`, lss }]),
        volumes: [...engine.fleet.allVolumes()].filter((volume) => volume.arrayId === 'ds6000'),
        groups: [GROUP],
      },
      [saved],
    );
    expect(() => restarted.engine.hostWrite(a.id, 0, pattern(64 * KiB, 10))).toThrow(/frozen by consistency group fcgrp1/);
    restarted.engine.advance(DS6000_FREEZE_TIMEOUT_MS - 60_000);
    expect(restarted.engine.requireCopy(relationship.id).frozenUntilMs).toBeNull();
    restarted.engine.hostWrite(a.id, 0, pattern(64 * KiB, 10));
  });
});
