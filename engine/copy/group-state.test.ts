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

  it('is a DS6000 relationship state for a DS6000 group: copying, then nocopy, then ended', () => {
    expect(groupStateOf([], 'ds6000')).toBe('empty');
    expect(groupStateOf(['nocopy', 'copying'], 'ds6000')).toBe('copying');
    expect(groupStateOf(['ended', 'nocopy'], 'ds6000')).toBe('nocopy');
    expect(groupStateOf(['ended'], 'ds6000')).toBe('ended');
    expect(() => groupStateOf(['idle_or_copied'], 'ds6000')).toThrow(/not DS6000/);
  });

  it('is an XP7 pair state for a CTG: an error first, then a copy running, then PAIR before PSUS', () => {
    expect(groupStateOf(['PAIR', 'PSUE'], 'xp7')).toBe('PSUE');
    expect(groupStateOf(['PAIR', 'COPY(PD)'], 'xp7')).toBe('COPY(PD)');
    expect(groupStateOf(['PSUS', 'PAIR'], 'xp7')).toBe('PAIR');
    expect(groupStateOf(['PSUS'], 'xp7')).toBe('PSUS');
    expect(() => groupStateOf(['copying'], 'xp7')).toThrow(/not XP7 ShadowImage/);
  });
});
