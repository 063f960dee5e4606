import { describe, expect, it } from 'vitest';
import { nameProblems } from '@/engine/client';
import { defaultCopyName, defaultNamePattern, NAME_CHARS_MAX, nameRuleProblem } from './object-names';

describe('the name rule of relationships and groups', () => {
  it('accepts what the engine accepts', () => {
    for (const name of ['fcmap0', 'nightly_sql01', '_x', 'a.b-c', 'A'.repeat(NAME_CHARS_MAX)]) {
      expect(nameRuleProblem(name)).toBeNull();
      expect(nameProblems(name)).toEqual([]);
    }
  });

  it('refuses what the engine refuses, worded to follow a field label', () => {
    expect(nameRuleProblem('')).toBe('is empty');
    expect(nameRuleProblem('a'.repeat(NAME_CHARS_MAX + 1))).toBe(`is longer than ${NAME_CHARS_MAX} characters`);
    expect(nameRuleProblem('1abc')).toBe('must start with a letter or an underscore');
    expect(nameRuleProblem('-bad')).toBe('must start with a letter or an underscore');
    expect(nameRuleProblem('two words')).toBe('may hold only letters, digits, "_", "-" and "."');
    expect(nameRuleProblem('semi;colon')).toMatch(/^may hold only/);
  });

  it('never leaves the engine\'s "the name" in front of a message', () => {
    for (const name of ['', 'x'.repeat(64), '9', 'a b']) expect(nameRuleProblem(name)).not.toMatch(/^the name/);
  });
});

describe('the default name the array will give', () => {
  const copy = (arrayId: string, number: number, name: string) => ({ arrayId, number, name });

  it('takes the smallest number free on the array, ignoring other arrays', () => {
    expect(defaultCopyName('storwize', 'a1', [])).toBe('fcmap0');
    expect(defaultCopyName('storwize', 'a1', [copy('a1', 0, 'fcmap0'), copy('a1', 2, 'fcmap2'), copy('a2', 1, 'fcmap1')])).toBe('fcmap1');
    expect(defaultCopyName('santricity', 'a3', [copy('a3', 0, 'volcopy0')])).toBe('volcopy1');
    expect(defaultCopyName('xp7', 'a4', [])).toBe('sipair0');
    expect(defaultCopyName('ds6000', 'a5', [copy('a5', 1, 'fcrel1')])).toBe('fcrel0');
  });

  it('counts numbers of renamed relationships, and steps around a default name given by hand', () => {
    // Number 0 is renamed "nightly"; number 1 was named "fcmap2" by hand, so 2's default gets a suffix.
    expect(defaultCopyName('storwize', 'a1', [copy('a1', 0, 'nightly'), copy('a1', 1, 'FCMAP2')])).toBe('fcmap2_1');
  });

  it('has a pattern for when the relationships are not known yet', () => {
    expect(defaultNamePattern('storwize')).toBe('fcmapN');
    expect(defaultNamePattern('xp7')).toBe('sipairN');
  });
});
