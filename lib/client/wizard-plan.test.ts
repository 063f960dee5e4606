import { describe, expect, it } from 'vitest';
import type { EligibilityEntry } from './target-matching';
import type { StorageArray, Volume } from './types';
import { planWizard } from './wizard-plan';
import { DEFAULT_WIZARD } from './wizard-state';

const MiB = 1024 * 1024;
const array: StorageArray = {
  id: 'a',
  name: 'E2800',
  model: 'santricity',
  serial: 's',
  controllers: [],
  pools: [{ id: 'p1', name: 'pool-1' }],
  capacityBytes: 0,
  usedBytes: 0,
} as unknown as StorageArray;
const volume = (id: string, sizeMiB: number, owner: 'A' | 'B' = 'A', roles: string[] = []): Volume =>
  ({
    id,
    arrayId: 'a',
    poolId: 'p1',
    name: id,
    capacityBytes: sizeMiB * MiB,
    preferredOwner: owner,
    currentOwner: owner,
    roles,
    status: 'online',
    readOnly: false,
  }) as Volume;
const entry = (volumeId: string, targetReasons: string[] = [], sourceReasons: string[] = []): EligibilityEntry => {
  const reasons = [...sourceReasons, ...targetReasons];
  return { volumeId, eligible: reasons.length === 0, reasons, sourceReasons, targetReasons };
};

const volumes = [volume('src', 8), volume('big', 16, 'B'), volume('small', 4)];
const eligibility = [entry('src', ['a volume cannot be copied onto itself']), entry('big'), entry('small', ['too small'])];

describe('wizard plan', () => {
  it('lists targets eligible first and plans one request for a chosen existing target', () => {
    const plan = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'big' },
      array,
      volumes,
      eligibility,
      eligibilities: null,
    });
    expect(plan.targetRows.map((row) => row.name)).toEqual(['big', 'small', 'src']);
    expect(plan.targetValid).toBe(true);
    expect(plan.requests).toEqual([{ sourceId: 'src', sourceName: 'src', target: { kind: 'existing', volumeId: 'big', name: 'big' } }]);
    expect(plan.reviewPairs[0]?.target).toMatchObject({ name: 'big', currentOwner: 'B', created: false });
  });

  it('refuses an ineligible target even when a link names it', () => {
    const plan = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'small' },
      array,
      volumes,
      eligibility,
      eligibilities: null,
    });
    expect(plan.targetValid).toBe(false);
    expect(plan.requests).toEqual([]);
    // …and says which one and why, so the page can.
    expect(plan.rejectedTarget).toEqual({ volumeId: 'small', name: 'small', reasons: ['too small'] });
  });

  it('names a target id the array does not have, and nothing for an eligible or new one', () => {
    const gone = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'deleted' },
      array,
      volumes,
      eligibility,
      eligibilities: null,
    });
    expect(gone.rejectedTarget).toMatchObject({ volumeId: 'deleted', name: 'deleted' });
    expect(
      planWizard({ state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'big' }, array, volumes, eligibility, eligibilities: null })
        .rejectedTarget,
    ).toBeNull();
    expect(
      planWizard({ state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'new' }, array, volumes, eligibility, eligibilities: null })
        .rejectedTarget,
    ).toBeNull();
  });

  it('plans a matching new volume: same size and pool, the source’s controller, a free name', () => {
    const plan = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'new' },
      array,
      volumes: [...volumes, volume('src_copy', 8)],
      eligibility,
      eligibilities: null,
    });
    expect(plan.suggestedName).toBe('src_copy2');
    expect(plan.requests[0]?.target).toEqual({
      kind: 'new',
      name: 'src_copy2',
      volume: { arrayId: 'a', poolId: 'p1', name: 'src_copy2', capacityBytes: 8 * MiB, preferredOwner: 'A' },
    });
  });

  it('checks a typed name for the new volume', () => {
    const taken = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'new', newName: 'big' },
      array,
      volumes,
      eligibility,
      eligibilities: null,
    });
    expect(taken.nameError).toBe('is taken: a volume named "big" already exists on this array');
    expect(taken.targetValid).toBe(false);
    const bad = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'new', newName: '-x' },
      array,
      volumes,
      eligibility,
      eligibilities: null,
    });
    expect(bad.nameError).toMatch(/must start with a letter or digit/);
  });

  it('in bulk, leaves sources that cannot be copied out of the plan and names them', () => {
    const offline = 'the source busy is offline';
    const eligibilities = new Map([
      ['src', eligibility],
      [
        'busy',
        [entry('src', [], [offline]), entry('big', [], [offline]), entry('small', [], [offline]), entry('busy', ['a volume cannot be copied onto itself'])],
      ],
    ]);
    const plan = planWizard({
      state: { ...DEFAULT_WIZARD, arrayId: 'a', bulk: true, sourceIds: ['src', 'busy'] },
      array,
      volumes: [...volumes, volume('busy', 8)],
      eligibility: undefined,
      eligibilities,
    });
    expect(plan.blocked).toEqual([{ sourceId: 'busy', sourceName: 'busy', problems: [offline] }]);
    expect(plan.requests.map((request) => request.sourceName)).toEqual(['src']);
    expect(plan.targetValid).toBe(false);
  });

  it('waits for the data before judging the target', () => {
    expect(
      planWizard({
        state: { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['src'], targetId: 'big' },
        array,
        volumes,
        eligibility: undefined,
        eligibilities: null,
      }).loading,
    ).toBe(true);
  });
});
