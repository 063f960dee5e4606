import { describe, expect, it } from 'vitest';
import { checkOptions, defaultDrafts, groupNameError, optionErrorsFrom } from './wizard-options';

describe('wizard options', () => {
  it('starts from the engine defaults of each service', () => {
    expect(defaultDrafts('santricity')).toEqual({ priority: 'medium', targetReadOnly: 'true' });
    expect(defaultDrafts('storwize')).toEqual({ copyRate: '50', cleanRate: '50', grainSize: '256', incremental: 'false', autoDelete: 'false' });
    expect(checkOptions('ds6000', {})).toEqual({ options: { mode: 'copy', persistent: false, incremental: false }, errors: {} });
  });

  it('converts typed text to what the API wants', () => {
    expect(checkOptions('storwize', { copyRate: ' 80 ', grainSize: '64', autoDelete: 'true' }).options).toEqual({
      copyRate: 80,
      cleanRate: 50,
      grainSize: 64,
      incremental: false,
      autoDelete: true,
    });
  });

  it('says what is wrong with each option', () => {
    expect(checkOptions('storwize', { copyRate: '151', cleanRate: 'x', grainSize: '128', incremental: 'maybe' }).errors).toEqual({
      copyRate: 'must be a whole number from 0 to 150',
      cleanRate: 'must be a whole number from 0 to 150',
      grainSize: 'must be one of 64, 256',
      incremental: 'must be on or off',
    });
    expect(checkOptions('santricity', { priority: 'urgent' })).toEqual({
      options: null,
      errors: { priority: 'must be one of lowest, low, medium, high, highest' },
    });
    expect(checkOptions('xp7', { pace: 'fast' }).errors.pace).toBe('must be one of slower, medium, faster');
    expect(checkOptions('ds6000', { mode: 'snap' }).errors.mode).toBe('must be one of copy, nocopy');
  });

  it('puts the service’s refusals under the option they name', () => {
    expect(optionErrorsFrom(['copyRate: must be a whole number from 0 to 150', 'the target is offline'], 'storwize')).toEqual({
      fields: { copyRate: 'must be a whole number from 0 to 150' },
      rest: ['the target is offline'],
    });
  });

  it('checks a new consistency group name', () => {
    expect(groupNameError('', [])).toBe('is required for a new consistency group');
    expect(groupNameError('-x', [])).toBe('must start with a letter or an underscore');
    // The server refuses a group name starting with a digit, as it does a relationship's.
    expect(groupNameError('1st', [])).toBe('must start with a letter or an underscore');
    expect(groupNameError('x'.repeat(64), [])).toBe('is longer than 63 characters');
    expect(groupNameError('nightly', ['nightly'])).toBe('a consistency group named "nightly" already exists on this array');
    expect(groupNameError('Nightly', ['nightly'])).toBe('a consistency group named "Nightly" already exists on this array');
    expect(groupNameError('nightly', [])).toBeNull();
  });
});
