import { describe, expect, it } from 'vitest';
import type { Relationship } from '../copy/relationship';
import { CopyNames } from './copy-names';

const copy = (id: string, arrayId: string, name: string, number: number) => ({ id, arrayId, name, number }) as Relationship;

describe('CopyNames', () => {
  it('answers what is taken on each array, ignoring case, as relationships come, go and are renamed', () => {
    const names = new CopyNames();
    const a = copy('a', 'array-1', 'fcmap0', 0);
    const b = copy('b', 'array-1', 'Nightly', 1);
    const c = copy('c', 'array-2', 'fcmap0', 0);
    for (const relationship of [a, b, c]) names.add(relationship);
    const onFirst = names.takenOn('array-1');
    expect(onFirst.names.has('nightly')).toBe(true);
    expect(onFirst.numbers.has(1)).toBe(true);
    expect(onFirst.numbers.has(2)).toBe(false);
    expect(names.takenOn('array-3').names.has('fcmap0')).toBe(false);

    // A rename frees the old name and takes the new one.
    b.name = 'Weekly';
    names.renamed(b, 'Nightly');
    expect(names.takenOn('array-1').names.has('nightly')).toBe(false);
    expect(names.takenOn('array-1').names.has('weekly')).toBe(true);
    // A relationship does not take its own name or number from itself (a rename's check).
    expect(names.takenOn('array-1', b).names.has('weekly')).toBe(false);
    expect(names.takenOn('array-1', b).numbers.has(1)).toBe(false);
    expect(names.takenOn('array-1', a).names.has('weekly')).toBe(true);

    // Removal frees both; the other array keeps its own.
    names.remove(a);
    expect(names.takenOn('array-1').names.has('fcmap0')).toBe(false);
    expect(names.takenOn('array-1').numbers.has(0)).toBe(false);
    expect(names.takenOn('array-2').names.has('fcmap0')).toBe(true);
  });
});
