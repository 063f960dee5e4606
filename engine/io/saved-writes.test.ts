// Host writes that need no save (Engine.trackSaves, io/host-commands.ts needsNoSave): with the
// server's record of what is saved, a deferred write that marks nothing new, through relationships
// whose rows are on record, reaches the volume at once; anything else still waits for a save.
import { describe, expect, it } from 'vitest';
import { createFixture, MiB, pattern } from '../testing/fixture';

/** A stand-in for the persister's record: relationships saved unless named unsaved or saving. */
function savedExcept(dirty: Set<string>, saving: Set<string> = new Set()) {
  return { saveState: (id: string) => (dirty.has(id) ? 'unsaved' : saving.has(id) ? 'saving' : 'saved') } as const;
}

describe('host writes that need no save', () => {
  it('applies a write to a volume in no relationship at once, and without a record every write waits', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const plain = volume('storwize', 0);
    expect(engine.hostWrite(plain.id, 0, pattern(4096, 1)).state).toBe('pending');
    engine.applyHostWrites(engine.hostWriteMark());
    engine.trackSaves(savedExcept(new Set()));
    const write = engine.hostWrite(plain.id, 4096, pattern(4096, 2));
    expect(write.state).toBe('applied');
    expect(Buffer.from(engine.hostRead(plain.id, 4096, 4096)).equals(Buffer.from(pattern(4096, 2)))).toBe(true);
  });

  it('waits while the FlashCopy grain is first split, then goes straight through once that split is saved', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: 4 * MiB });
    const source = volume('storwize', 0);
    const target = volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(4 * MiB, 3));
    engine.applyHostWrites(engine.hostWriteMark());
    const dirty = new Set<string>();
    engine.trackSaves(savedExcept(dirty));
    const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    const first = engine.hostWrite(source.id, 0, new Uint8Array(4096).fill(9));
    expect(first.state).toBe('pending'); // the split marks the grain: its bitmap must be saved first
    engine.applyHostWrites(engine.hostWriteMark());
    const again = engine.hostWrite(source.id, 4096, new Uint8Array(4096).fill(8));
    expect(again.state).toBe('applied');
    // Target still reads T0 for that grain; the source has both writes.
    expect(Buffer.from(engine.hostRead(target.id, 0, 8192)).equals(Buffer.from(pattern(4 * MiB, 3).subarray(0, 8192)))).toBe(true);
    expect(engine.hostRead(source.id, 4096, 1)[0]).toBe(8);
    // The same grain, but the mapping has changes not on record yet: the write waits for a save.
    dirty.add(mapping.id);
    expect(engine.hostWrite(source.id, 8192, new Uint8Array(4096).fill(7)).state).toBe('pending');
  });

  it('does not let a write overtake an earlier one of the same volume still waiting', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true });
    const plain = volume('storwize', 0);
    const other = volume('storwize', 1);
    const waiting = engine.hostWrite(plain.id, 0, new Uint8Array(8).fill(1));
    engine.trackSaves(savedExcept(new Set()));
    const later = engine.hostWrite(plain.id, 0, new Uint8Array(8).fill(2));
    expect([waiting.state, later.state]).toEqual(['pending', 'pending']);
    expect(engine.hostWrite(other.id, 0, new Uint8Array(8).fill(3)).state).toBe('applied');
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.hostRead(plain.id, 0, 1)[0]).toBe(2);
  });

  it('waits when a write to a target in a multi-target chain needs the newer mapping of its chain saved', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: MiB });
    const a = volume('storwize', 0);
    const b = volume('storwize', 1);
    const c = volume('storwize', 2);
    engine.hostWrite(a.id, 0, pattern(MiB, 5));
    engine.applyHostWrites(engine.hostWriteMark());
    const ab = engine.createCopy({ type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    const ac = engine.createCopy({ type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: c.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    // b is a target in a's chain (a → b, then a → c): a write to b consults the whole chain from a,
    // the newer mapping a → c included, though b is not one of its volumes.
    const dirty = new Set<string>([ac.id]);
    engine.trackSaves(savedExcept(dirty));
    const grain = ab.grainBytes;
    expect(ac.state).toBe('copying');
    engine.hostWrite(b.id, 0, new Uint8Array(grain).fill(1));
    engine.applyHostWrites(engine.hostWriteMark());
    const write = engine.hostWrite(b.id, 0, new Uint8Array(16).fill(2));
    expect(write.state).toBe('pending');
    dirty.clear();
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.hostWrite(b.id, 16, new Uint8Array(16).fill(3)).state).toBe('applied');
  });

  it('waits without marking the mapping changed while a save in flight holds its row, so concurrent writers do not keep it unsaved', () => {
    const { engine, volume } = createFixture({ deferHostWrites: true, capacityBytes: 4 * MiB });
    const source = volume('storwize', 0);
    const target = volume('storwize', 1);
    engine.hostWrite(source.id, 0, pattern(4 * MiB, 3));
    engine.applyHostWrites(engine.hostWriteMark());
    const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } });
    engine.advance(10_000);
    engine.hostWrite(source.id, 0, new Uint8Array(4096).fill(9)); // splits grain 0
    engine.applyHostWrites(engine.hostWriteMark());
    const announced: string[] = [];
    engine.on((event) => {
      if (event.kind === 'copy.progress') announced.push(event.cause);
    });
    engine.trackSaves(savedExcept(new Set(), new Set([mapping.id])));
    const write = engine.hostWrite(source.id, 4096, new Uint8Array(4096).fill(8));
    expect(write.state).toBe('pending');
    expect(announced).toEqual([]);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(write.state).toBe('applied');
    expect(engine.hostRead(source.id, 4096, 1)[0]).toBe(8);
    // Unsaved (progress not on record): the write marks the mapping to be saved with it.
    engine.trackSaves(savedExcept(new Set([mapping.id])));
    expect(engine.hostWrite(source.id, 8192, new Uint8Array(4096).fill(7)).state).toBe('pending');
    expect(announced).toEqual(['host-write']);
  });
});
