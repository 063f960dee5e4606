import { describe, expect, it } from 'vitest';
import { VolumeSyncs } from './volume-syncs';

describe('VolumeSyncs (group commit of host data)', () => {
  it('answers every writer that asked together with one sync per volume', async () => {
    const synced: string[] = [];
    const syncs = new VolumeSyncs((volumeId) => synced.push(volumeId));
    await Promise.all([syncs.sync('a'), syncs.sync('a'), syncs.sync('b'), syncs.sync('a')]);
    expect(synced.sort()).toEqual(['a', 'b']);
    expect([syncs.syncCount, syncs.answeredCount]).toEqual([2, 4]);
    await syncs.sync('a');
    expect(synced.filter((id) => id === 'a')).toHaveLength(2); // a later ask gets a sync of its own
  });

  it('fails every writer of a volume whose sync failed, and only those', async () => {
    const syncs = new VolumeSyncs((volumeId) => {
      if (volumeId === 'gone') throw new Error('volume gone was deleted');
    });
    const results = await Promise.allSettled([syncs.sync('gone'), syncs.sync('gone'), syncs.sync('ok')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
