import { describe, expect, it } from 'vitest';
import type { PairOutcome } from './create-pairs';
import { failureOf } from './wizard-failure';

const failed = (stage: 'target' | 'copy', status: number | null, reasons: string[] = []): Extract<PairOutcome, { ok: false }> => ({ ok: false, sourceName: 's', targetName: 't', stage, status, message: 'refused', reasons, cleanup: null });

describe('where a creation failure is shown', () => {
  it('shows a target volume that could not be made, and a refused target, in the target step', () => {
    expect(failureOf(failed('target', 409), 'xp7').step).toBe('target');
    expect(failureOf(failed('copy', 422, ['t is already the S-VOL of pair p']), 'xp7').step).toBe('target');
  });

  it('puts a refusal naming an option under that option', () => {
    expect(failureOf(failed('copy', 400, ['copyRate: must be a whole number from 0 to 150']), 'storwize')).toMatchObject({ step: 'options', fields: { copyRate: 'must be a whole number from 0 to 150' } });
  });

  it('keeps anything else on the review', () => {
    expect(failureOf(failed('copy', 500), 'santricity').step).toBe('review');
    expect(failureOf(failed('copy', null), 'santricity').step).toBe('review');
  });
});
