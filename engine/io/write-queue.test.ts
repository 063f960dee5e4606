import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { createFixture } from '../testing/fixture';

describe('the deferred host-write queue', () => {
  it('refuses a write beyond its bound as busy, before any rule applies, and takes writes again once saved', () => {
    const fixture = createFixture({ deferHostWrites: true, hostWritesQueuedMax: 2 });
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const mapping = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: fixture.volume('storwize', 2).id,
      options: { copyRate: 0 },
    });
    engine.advance(3_000);
    expect(mapping.state).toBe('copying');
    engine.hostWrite(source.id, 0, new Uint8Array(16).fill(1));
    engine.hostWrite(source.id, 65_536, new Uint8Array(16).fill(2));
    const toCopy = mapping.toCopy.count();
    let refusal: unknown;
    try {
      engine.hostWrite(source.id, 4 * 65_536, new Uint8Array(16).fill(3));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EngineError);
    expect((refusal as EngineError).kind).toBe('busy');
    // No copy-on-write happened for the refused write: its grain is still to copy.
    expect(mapping.toCopy.count()).toBe(toCopy);
    expect(engine.pendingHostWrites()).toBe(2);
    engine.applyHostWrites(engine.hostWriteMark());
    expect(engine.pendingHostWrites()).toBe(0);
    expect(engine.hostWrite(source.id, 4 * 65_536, new Uint8Array(16).fill(3)).state).toBe('pending');
  });
});
