import { describe, expect, it } from 'vitest';
import {
  afterBulkCreate,
  DEFAULT_WIZARD,
  parseWizard,
  reachableStep,
  serializeWizard,
  withArray,
  withBulk,
  withSources,
  type WizardState,
} from './wizard-state';

const parse = (query: string) => parseWizard(new URLSearchParams(query));

describe('wizard URL state', () => {
  it('round-trips every choice through the query', () => {
    const state: WizardState = {
      ...DEFAULT_WIZARD,
      step: 'options',
      arrayId: 'arr-1',
      bulk: true,
      sourceIds: ['v1', 'v2'],
      options: { copyRate: '80', incremental: 'true' },
      group: 'new',
      groupName: 'nightly',
      freeze: true,
      targetFor: { v1: 'vol-9', v2: 'new' },
      alwaysNew: true,
      start: false,
      q: 'db',
      sort: 'capacity',
      descending: true,
    };
    expect(parse(serializeWizard(state))).toEqual(state);
  });

  it("keeps the relationship's name apart from the new target's, and only for one pair", () => {
    const state: WizardState = { ...DEFAULT_WIZARD, step: 'options', arrayId: 'a', sourceIds: ['s'], targetId: 'new', newName: 's_copy', copyName: 'nightly' };
    const query = serializeWizard(state);
    expect(new URLSearchParams(query).get('copyName')).toBe('nightly');
    expect(new URLSearchParams(query).get('name')).toBe('s_copy');
    expect(parse(query)).toEqual(state);
    // Bulk copies take the array's defaults: a name in a bulk link is ignored, and going bulk drops it.
    expect(parse('bulk=1&source=a&copyName=nightly').copyName).toBe('');
    expect(withBulk(state, true).copyName).toBe('');
    expect(serializeWizard({ ...state, bulk: true })).not.toContain('copyName');
  });

  it('keeps bulk picks only for chosen sources, in bulk mode, and drops them with their source', () => {
    expect(parse('bulk=1&source=a&t.a=x&t.b=y&new=1')).toMatchObject({ targetFor: { a: 'x' }, alwaysNew: true });
    expect(parse('source=a&t.a=x&new=1')).toMatchObject({ targetFor: {}, alwaysNew: false });
    const state = parse('bulk=1&source=a&source=b&t.a=x&t.b=y');
    expect(withSources(state, ['b']).targetFor).toEqual({ b: 'y' });
    expect(withBulk(state, false)).toMatchObject({ targetFor: {}, alwaysNew: false });
  });

  it('keeps option text as typed, so a bad value can be shown with its message', () => {
    expect(parse('opt.copyRate=fast').options).toEqual({ copyRate: 'fast' });
  });

  it('takes one source outside bulk mode, and ignores a target in bulk mode', () => {
    expect(parse('source=a&source=b&target=t').sourceIds).toEqual(['a']);
    expect(parse('bulk=1&source=a&source=b&target=t')).toMatchObject({ sourceIds: ['a', 'b'], targetId: '' });
  });

  it('falls back to the first step for unknown values and leaves defaults out of the URL', () => {
    expect(parse('step=launch&sort=size')).toMatchObject({ step: 'service', sort: null });
    expect(serializeWizard(DEFAULT_WIZARD)).toBe('');
  });

  it('drops later choices when the array changes, and the target when the sources change', () => {
    const chosen = { ...DEFAULT_WIZARD, arrayId: 'a', sourceIds: ['s'], targetId: 't', options: { pace: 'faster' } };
    expect(withArray(chosen, 'b')).toMatchObject({ arrayId: 'b', sourceIds: [], targetId: '', options: {} });
    expect(withArray(chosen, 'a')).toBe(chosen);
    expect(withSources(chosen, ['s2'])).toMatchObject({ sourceIds: ['s2'], targetId: '', options: { pace: 'faster' } });
    expect(withBulk({ ...chosen, bulk: true, sourceIds: ['s', 's3'] }, false)).toMatchObject({ bulk: false, sourceIds: ['s'] });
  });

  it('after a bulk Create, keeps the outcome in the URL and nothing of the plan', () => {
    const review: WizardState = {
      ...DEFAULT_WIZARD,
      step: 'review',
      arrayId: 'a',
      bulk: true,
      sourceIds: ['s1', 's2', 's3'],
      options: { copyRate: '10' },
      start: false,
    };
    const after = afterBulkCreate(review, ['c1', 'c2'], 1);
    expect(after).toEqual({ ...DEFAULT_WIZARD, arrayId: 'a', bulk: true, created: ['c1', 'c2'], failed: 1 });
    const query = serializeWizard(after as WizardState);
    expect(query).toBe('array=a&bulk=1&created=c1&created=c2&failed=1');
    expect(parse(query)).toEqual(after);
    // Nothing created: the review stays, to try again.
    expect(afterBulkCreate(review, [], 3)).toBeNull();
    expect(parse('created=&failed=-2')).toMatchObject({ created: [], failed: 0 });
  });

  it('shows the furthest step whose inputs are complete', () => {
    const valid = { targetValid: true, optionsValid: true };
    expect(reachableStep({ ...DEFAULT_WIZARD, step: 'review', arrayId: 'a' }, valid)).toBe('source');
    expect(reachableStep({ ...DEFAULT_WIZARD, step: 'review', arrayId: 'a', sourceIds: ['s'], targetId: 't' }, { ...valid, optionsValid: false })).toBe(
      'options',
    );
    expect(reachableStep({ ...DEFAULT_WIZARD, step: 'review', arrayId: 'a', sourceIds: ['s'], targetId: 'new' }, { ...valid, targetValid: false })).toBe(
      'target',
    );
    expect(reachableStep({ ...DEFAULT_WIZARD, step: 'review', arrayId: 'a', bulk: true, sourceIds: ['s'] }, valid)).toBe('review');
    expect(reachableStep({ ...DEFAULT_WIZARD, step: 'target' }, valid)).toBe('service');
  });
});
