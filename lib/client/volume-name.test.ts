import { describe, expect, it } from 'vitest';
import { volumeNameProblem } from './volume-name';

describe('a volume name before a rename', () => {
  it('answers as the API schema does', () => {
    expect(volumeNameProblem('db01:data.1')).toBeNull();
    expect(volumeNameProblem('')).toBe('is required');
    expect(volumeNameProblem('x'.repeat(65))).toBe('must be at most 64 characters');
    expect(volumeNameProblem('_x')).toBe('may use letters, digits and _ . : - and must start with a letter or digit');
  });
});
