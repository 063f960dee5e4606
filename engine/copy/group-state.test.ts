import { describe, expect, it } from 'vitest';
import { groupStateOf } from './group-state';

describe('a consistency group state', () => {
  it('is its members’ state, the one furthest along while they differ, and empty without members', () => {
    expect(groupStateOf([])).toBe('empty');
    expect(groupStateOf(['copying', 'copying'])).toBe('copying');
    expect(groupStateOf(['idle_or_copied', 'copying'])).toBe('copying');
    expect(groupStateOf(['preparing', 'prepared'])).toBe('prepared');
    expect(groupStateOf(['stopped', 'idle_or_copied'])).toBe('stopped');
    expect(() => groupStateOf(['PAIR'])).toThrow(/not Storwize/);
  });
});
