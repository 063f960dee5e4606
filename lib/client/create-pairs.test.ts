import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createPair, createPairs, outcomeText, resultsTitle, type PairRequest, type WizardApi } from './create-pairs';

function fakeApi(failures: { volume?: boolean; copy?: boolean; cleanup?: boolean } = {}) {
  const calls: string[] = [];
  const api: WizardApi = {
    createVolume: async (body) => {
      calls.push(`createVolume ${body.name}`);
      if (failures.volume) throw new ApiError(409, 'conflict', `a volume named "${body.name}" already exists`);
      return { id: `id-${body.name}`, name: body.name };
    },
    deleteVolume: async (id) => {
      calls.push(`deleteVolume ${id}`);
      if (failures.cleanup) throw new ApiError(409, 'conflict', 'volume is in a relationship');
    },
    createCopy: async (body) => {
      calls.push(`createCopy ${body.sourceVolumeId}→${body.targetVolumeId} start=${String(body.start)}${body.name === undefined ? '' : ` name=${body.name}`}`);
      if (failures.copy) throw new ApiError(422, 'rule', 'db02 cannot be the target', ['the S-VOL must be the same size as the P-VOL']);
      return { id: 'copy-1', name: body.name ?? 'sipair0' };
    },
  };
  return { api, calls };
}

const existing: PairRequest = { sourceId: 's', sourceName: 'db01', target: { kind: 'existing', volumeId: 't', name: 'db02' } };
const fresh: PairRequest = {
  sourceId: 's',
  sourceName: 'db01',
  target: { kind: 'new', name: 'db01_copy', volume: { arrayId: 'a', poolId: 'p', name: 'db01_copy', capacityBytes: 1024 ** 3 } },
};
const copy = { type: 'shadowimage', options: { pace: 'medium' }, start: true };

describe('creating pairs', () => {
  it('creates a new target, then the copy started in the same request', async () => {
    const { api, calls } = fakeApi();
    expect(await createPair(api, fresh, copy)).toEqual({
      ok: true,
      sourceName: 'db01',
      targetName: 'db01_copy',
      copyId: 'copy-1',
      copyName: 'sipair0',
      createdVolume: true,
    });
    expect(calls).toEqual(['createVolume db01_copy', 'createCopy s→id-db01_copy start=true']);
  });

  it("asks for the relationship's name when one was given, and reports the name it got", async () => {
    const { api, calls } = fakeApi();
    expect(await createPair(api, existing, { ...copy, name: 'nightly' })).toMatchObject({ ok: true, copyName: 'nightly' });
    expect(calls).toEqual(['createCopy s→t start=true name=nightly']);
  });

  it('deletes the new target again when the copy cannot be created', async () => {
    const { api, calls } = fakeApi({ copy: true });
    const outcome = await createPair(api, fresh, copy);
    expect(outcome).toMatchObject({
      ok: false,
      stage: 'copy',
      status: 422,
      reasons: ['the S-VOL must be the same size as the P-VOL'],
      cleanup: { deleted: true },
    });
    expect(calls).toEqual(['createVolume db01_copy', 'createCopy s→id-db01_copy start=true', 'deleteVolume id-db01_copy']);
    expect(outcomeText(outcome)).toBe(
      'db01 → db01_copy: the copy could not be created: the S-VOL must be the same size as the P-VOL. The new target volume was deleted again.',
    );
  });

  it('says so when the clean-up itself fails', async () => {
    const { api } = fakeApi({ copy: true, cleanup: true });
    const outcome = await createPair(api, fresh, copy);
    expect(outcome).toMatchObject({ ok: false, cleanup: { deleted: false, message: 'volume is in a relationship' } });
    expect(outcomeText(outcome)).toMatch(/could not be deleted \(volume is in a relationship\): delete it on the Volumes page/);
  });

  it('reports a failed target volume at the target stage and creates no copy', async () => {
    const { api, calls } = fakeApi({ volume: true });
    expect(await createPair(api, fresh, copy)).toMatchObject({ ok: false, stage: 'target', status: 409, cleanup: null });
    expect(calls).toEqual(['createVolume db01_copy']);
  });

  it('never deletes an existing target', async () => {
    const { api, calls } = fakeApi({ copy: true });
    expect(await createPair(api, existing, copy)).toMatchObject({ ok: false, stage: 'copy', cleanup: null });
    expect(calls).toEqual(['createCopy s→t start=true']);
  });

  it('creates pairs one after another and reports each', async () => {
    const { api, calls } = fakeApi();
    const outcomes = await createPairs(api, [existing, fresh], copy);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(calls).toHaveLength(3);
  });
});

describe('the outcome line', () => {
  it('counts what was created out of every pair, and what failed', () => {
    expect(resultsTitle(3, 0)).toBe('3 of 3 copies created');
    expect(resultsTitle(2, 1)).toBe('2 of 3 copies created, 1 failed');
    expect(resultsTitle(1, 0)).toBe('1 of 1 copy created');
  });
});
