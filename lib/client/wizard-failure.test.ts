import { describe, expect, it } from 'vitest';
import type { PairOutcome } from './create-pairs';
import { failureOf, nameFailureFor } from './wizard-failure';

const failed = (stage: 'target' | 'copy', status: number | null, reasons: string[] = [], message = 'refused'): Extract<PairOutcome, { ok: false }> => ({
  ok: false,
  sourceName: 's',
  targetName: 't',
  stage,
  status,
  message,
  reasons,
  cleanup: null,
});

describe('where a creation failure is shown', () => {
  it('shows a target volume that could not be made, and a refused target, in the target step', () => {
    expect(failureOf(failed('target', 409), 'xp7').step).toBe('target');
    expect(failureOf(failed('copy', 422, ['t is already the S-VOL of pair p']), 'xp7').step).toBe('target');
  });

  it('puts a refusal naming an option under that option', () => {
    expect(failureOf(failed('copy', 400, ['copyRate: must be a whole number from 0 to 150']), 'storwize')).toMatchObject({
      step: 'options',
      fields: { copyRate: 'must be a whole number from 0 to 150' },
    });
  });

  it('keeps anything else on the review', () => {
    expect(failureOf(failed('copy', 500), 'santricity').step).toBe('review');
    expect(failureOf(failed('copy', null), 'santricity').step).toBe('review');
  });

  it("puts the server's refusal of the relationship's name under the Name field, until the name is edited", () => {
    const taken = 'a copy relationship named "nightly" already exists on array V7000-LON-02';
    const failure = failureOf(failed('copy', 409, [taken], taken), 'storwize', 'nightly');
    expect(failure).toEqual({
      step: 'options',
      messages: [],
      fields: { name: 'A copy relationship named "nightly" already exists on array V7000-LON-02' },
      refusedName: 'nightly',
    });
    expect(nameFailureFor(failure, 'nightly')).toBe('A copy relationship named "nightly" already exists on array V7000-LON-02');
    expect(nameFailureFor(failure, 'nightly2')).toBeUndefined();
    expect(nameFailureFor(null, 'nightly')).toBeUndefined();

    const invalid = failureOf(
      failed('copy', 400, ['the name must start with a letter or an underscore'], 'invalid name "9": the name must start with a letter or an underscore'),
      'xp7',
      '9',
    );
    expect(invalid).toMatchObject({ step: 'options', fields: { name: 'The name must start with a letter or an underscore' } });
  });

  it('leaves other conflicts where they were', () => {
    expect(failureOf(failed('copy', 409, [], 'volume v1 is in a copy relationship'), 'xp7').step).toBe('review');
  });
});
