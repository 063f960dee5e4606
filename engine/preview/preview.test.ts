import { describe, expect, it } from 'vitest';
import { createFixture, MiB } from '../testing/fixture';
import type { Consequence } from './types';

const texts = (consequences: readonly Consequence[]) => consequences.map((consequence) => consequence.text);

describe('engine.preview', () => {
  it('says a ninth SANtricity copy waits, the first eight start, and no relationship is made', () => {
    const fixture = createFixture({ volumesPerArray: 20 });
    const { engine } = fixture;
    const commands = Array.from({ length: 9 }, (_, i) => ({
      command: 'create-copy' as const,
      type: 'volume-copy' as const,
      sourceVolumeId: fixture.volume('santricity', i).id,
      targetVolumeId: fixture.volume('santricity', i + 10).id,
    }));
    const previews = engine.preview(commands);
    expect(previews.every((preview) => preview.allowed)).toBe(true);
    expect(previews.slice(0, 8).every((preview) => preview.consequences.some((c) => c.kind === 'state' && c.to === 'in-progress'))).toBe(true);
    const ninth = previews[8]?.consequences ?? [];
    expect(ninth.find((c) => c.kind === 'queues')).toMatchObject({ ahead: 0 });
    // Names follow each other as the copies would be numbered.
    expect(previews.map((preview) => (preview.consequences[0]?.kind === 'state' ? preview.consequences[0].copyName : ''))).toEqual(
      Array.from({ length: 9 }, (_, i) => `volcopy${i}`),
    );
    expect([...engine.copies()]).toEqual([]);
  });

  it('states a SANtricity copy across controllers: the target moves, both are read-only, the target is overwritten', () => {
    const fixture = createFixture();
    const [source, target] = [fixture.volume('santricity', 0), fixture.volume('santricity', 1)];
    const [preview] = fixture.engine.preview([{ command: 'create-copy', type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id }]);
    const kinds = preview?.consequences.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['state', 'overwritten', 'moves', 'owner', 'access']));
    expect(preview?.consequences.find((c) => c.kind === 'owner')).toMatchObject({ volumeId: target.id, from: 'B', to: 'A' });
    expect(preview?.consequences.find((c) => c.kind === 'moves')).toMatchObject({ bytes: MiB, fromVolumeId: source.id, toVolumeId: target.id });
    expect(target.currentOwner).toBe('B');
  });

  it('follows a Storwize start through preparing to copying, and refuses what the command would refuse', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const [preview] = engine.preview([
      {
        command: 'create-copy',
        type: 'flashcopy',
        sourceVolumeId: fixture.volume('storwize', 0).id,
        targetVolumeId: fixture.volume('storwize', 2).id,
        options: { copyRate: 0 },
      },
    ]);
    expect(preview?.consequences.filter((c) => c.kind === 'state').map((c) => (c.kind === 'state' ? c.to : null))).toEqual(['preparing', 'copying']);
    expect(texts(preview?.consequences ?? []).join(' ')).toMatch(/No background copy \(rate 0\)/);
    const copy = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 2).id,
      start: false,
    });
    const [again] = engine.preview([
      { command: 'create-copy', type: 'flashcopy', sourceVolumeId: fixture.volume('storwize', 4).id, targetVolumeId: fixture.volume('storwize', 2).id },
    ]);
    expect(again).toMatchObject({ allowed: false, consequences: [] });
    expect(again?.refusal).toMatch(/already the target of FlashCopy mapping fcmap0/);
    const [start] = engine.preview([{ command: 'copy-action', copyId: copy.id, action: 'start' }]);
    expect(start?.consequences.find((c) => c.kind === 'moves')).toMatchObject({ bytes: MiB });
    const [remove] = engine.preview([{ command: 'delete-copy', copyId: copy.id }]);
    expect(remove?.consequences.at(-1)).toMatchObject({ kind: 'state', to: null });
    expect(copy.state).toBe('idle_or_copied');
  });

  it('tells what failing a controller does: volumes move to the survivor, or, for the last, go offline with their copies failed', () => {
    const fixture = createFixture({ volumesPerArray: 4 });
    const { engine } = fixture;
    const copy = engine.createCopy({
      type: 'volume-copy',
      sourceVolumeId: fixture.volume('santricity', 0).id,
      targetVolumeId: fixture.volume('santricity', 2).id,
    });
    const [first] = engine.preview([{ command: 'inject-fault', fault: { kind: 'controller-failure', arrayId: 'santricity', slot: 'B' } }]);
    expect(first?.consequences.filter((c) => c.kind === 'owner').map((c) => (c.kind === 'owner' ? [c.volumeName, c.to] : null))).toEqual([
      [fixture.volume('santricity', 1).name, 'A'],
      [fixture.volume('santricity', 3).name, 'A'],
    ]);
    engine.failController('santricity', 'B');
    const [last] = engine.preview([{ command: 'inject-fault', fault: { kind: 'controller-failure', arrayId: 'santricity', slot: 'A' } }]);
    expect(last?.consequences.filter((c) => c.kind === 'offline')).toHaveLength(4);
    expect(last?.consequences.find((c) => c.kind === 'state')).toMatchObject({ copyId: copy.id, to: 'failed' });
    const [again] = engine.preview([{ command: 'inject-fault', fault: { kind: 'controller-failure', arrayId: 'santricity', slot: 'B' } }]);
    expect(again?.refusal).toMatch(/already offline/);
    const [restore] = engine.preview([{ command: 'restore-controller', arrayId: 'santricity', slot: 'B' }]);
    expect(restore?.consequences.map((c) => c.kind)).toContain('owner');
    expect(engine.requireArray('santricity').controllers).toEqual({ A: 'online', B: 'offline' });
  });

  it('offers metadata loss only where the table has it, and states the suspension', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const pair = engine.createCopy({ type: 'shadowimage', sourceVolumeId: fixture.volume('xp7', 0).id, targetVolumeId: fixture.volume('xp7', 2).id });
    expect(engine.preview([{ command: 'inject-fault', fault: { kind: 'metadata-loss', copyId: pair.id } }])[0]?.refusal).toMatch(/Storwize fault/);
    const mapping = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 2).id,
      options: { copyRate: 1 },
    });
    engine.advance(3_000);
    expect(mapping.state).toBe('copying');
    const [loss] = engine.preview([{ command: 'inject-fault', fault: { kind: 'metadata-loss', copyId: mapping.id } }]);
    expect(loss?.consequences.map((c) => c.kind)).toEqual(['state', 'offline', 'offline']);
    expect(engine.faults()).toEqual([]);
  });
});

describe('engine.preview of a copy onto a volume the wizard would create', () => {
  it('says nothing is overwritten on it, and still what moves', () => {
    const fixture = createFixture();
    const source = fixture.volume('xp7', 0);
    const [preview] = fixture.engine.preview([
      {
        command: 'create-copy-new-target',
        type: 'shadowimage',
        sourceVolumeId: source.id,
        newTarget: { name: 'fresh', capacityBytes: MiB, currentOwner: 'A' },
      },
    ]);
    expect(preview?.allowed).toBe(true);
    expect(preview?.consequences.map((c) => c.kind)).not.toContain('overwritten');
    expect(preview?.consequences.find((c) => c.kind === 'moves')).toMatchObject({ bytes: MiB });
  });
});
