import { describe, expect, it } from 'vitest';
import { VolumeSyncs } from './volume-syncs';

/** A sync the test finishes by hand, to see who waits for which. */
function manualSyncs() {
  const started: { volumeId: string; finish: (error?: Error) => void }[] = [];
  const syncs = new VolumeSyncs(
    (volumeId) =>
      new Promise<void>((resolve, reject) => {
        started.push({ volumeId, finish: (error) => (error === undefined ? resolve() : reject(error)) });
      }),
  );
  return { syncs, started };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('VolumeSyncs (group commit of host data)', () => {
  it('answers every writer that asked together with one sync per volume', async () => {
    const { syncs, started } = manualSyncs();
    const asked = [syncs.sync('a'), syncs.sync('a'), syncs.sync('b'), syncs.sync('a')];
    await turn();
    expect(started.map((s) => s.volumeId).sort()).toEqual(['a', 'b']);
    for (const sync of started) sync.finish();
    await Promise.all(asked);
    expect([syncs.syncCount, syncs.answeredCount]).toEqual([2, 4]);
  });

  it('runs one sync per volume at a time, and answers those who asked meanwhile with the next one', async () => {
    const { syncs, started } = manualSyncs();
    let firstDone = false;
    const first = syncs.sync('a').then(() => (firstDone = true));
    await turn();
    const later = [syncs.sync('a'), syncs.sync('a')];
    let laterDone = 0;
    for (const promise of later) void promise.then(() => (laterDone += 1));
    await turn();
    expect(started).toHaveLength(1); // no second sync while the first runs: it may predate their writes
    started[0]!.finish();
    await first;
    expect([firstDone, laterDone]).toEqual([true, 0]);
    await turn();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await Promise.all(later);
    expect([syncs.syncCount, syncs.answeredCount]).toEqual([2, 3]);
  });

  it('fails the writers of a sync that failed, and only those', async () => {
    const { syncs, started } = manualSyncs();
    const asked = Promise.allSettled([syncs.sync('gone'), syncs.sync('gone'), syncs.sync('ok')]);
    await turn();
    started.find((s) => s.volumeId === 'gone')!.finish(new Error('volume gone was deleted'));
    started.find((s) => s.volumeId === 'ok')!.finish();
    expect((await asked).map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
