import { describe, expect, it } from 'vitest';
import { removalConsequence } from './copy-consequences';

describe('what removing a relationship leaves on the target', () => {
  it('calls the data of a copy stopped part-way not usable', () => {
    expect(removalConsequence({ model: 'storwize', state: 'stopped' })).toMatch(/not a usable copy of the source: the copy stopped before it completed/);
    expect(removalConsequence({ model: 'santricity', state: 'failed' })).toMatch(/the copy failed before it completed/);
  });

  it('lets the target keep its data otherwise', () => {
    expect(removalConsequence({ model: 'storwize', state: 'idle_or_copied' })).toBe('The target keeps the data it has.');
    expect(removalConsequence({ model: 'santricity', state: 'completed' })).toBe('The target keeps the data it has.');
    expect(removalConsequence({ model: 'xp7', state: 'PSUS' })).toBe('The target keeps the data it has.');
  });
});
