// Rate and ETA settle on the configured rate from the first seconds (issue #18): the smoothed rate
// starts at the nominal one rather than climbing up from 0 over the smoothing window.
import { describe, expect, it } from 'vitest';
import { createFixture } from '../testing/fixture';
import { rateBytesPerSec } from './options';

const GiB = 1024 ** 3;

describe('copy rate in the first seconds', () => {
  it('shows the configured rate and its ETA in the first second', () => {
    const fixture = createFixture({ capacityBytes: GiB });
    const { engine } = fixture;
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 2);
    const created = engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, start: true });
    const relationship = engine.copy(created.id);
    if (relationship === undefined) throw new Error('the copy exists');
    const nominal = rateBytesPerSec(relationship.model, relationship.options);
    // Past a Storwize prepare.
    for (let tick = 0; tick < 200 && engine.view(relationship).state !== 'copying'; tick += 1) engine.advance(50);
    expect(engine.view(relationship).state).toBe('copying');
    // The first half second of copying, in ticks of 50 ms: the average had climbed to a tenth of the rate.
    for (let tick = 0; tick < 10; tick += 1) engine.advance(50);
    const { progress } = engine.view(relationship);
    expect(progress.rateBytesPerSec).toBeGreaterThan(nominal * 0.8);
    expect(progress.rateBytesPerSec).toBeLessThan(nominal * 1.2);
    expect(progress.etaSeconds).not.toBeNull();
    expect(progress.etaSeconds ?? 0).toBeLessThanOrEqual(Math.ceil(progress.totalBytes / (nominal * 0.8)));
  });
});
