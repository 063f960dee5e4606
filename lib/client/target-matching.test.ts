import { describe, expect, it } from 'vitest';
import {
  matchingName,
  matchTargets,
  NEW_TARGET_CHOICE,
  orderForChoice,
  sourceProblems,
  targetOptionsFor,
  type EligibilityEntry,
  type MatchVolume,
} from './target-matching';

const GiB = 1024 ** 3;
const volume = (id: string, gib: number, roles: string[] = []): MatchVolume => ({ id, name: id, capacityBytes: gib * GiB, roles });
const entry = (volumeId: string, targetReasons: string[] = [], sourceReasons: string[] = []): EligibilityEntry => {
  const reasons = [...sourceReasons, ...targetReasons];
  return { volumeId, eligible: reasons.length === 0, reasons, sourceReasons, targetReasons };
};

describe('target matching', () => {
  it('names a new target after its source, avoiding names in use', () => {
    expect(matchingName('db01', new Set())).toBe('db01_copy');
    expect(matchingName('db01', new Set(['db01_copy', 'db01_copy2']))).toBe('db01_copy3');
    expect(matchingName('x'.repeat(64), new Set())).toHaveLength(64);
  });

  it('takes the reasons about the source itself from the engine, not from what targets share', () => {
    const offline = 'the source s is offline';
    expect(
      sourceProblems([entry('s', ['a volume cannot be copied onto itself']), entry('a', ['a is too small'], [offline]), entry('b', [], [offline])]),
    ).toEqual([offline]);
    // Every target too small for the same reason is still about the targets.
    expect(sourceProblems([entry('s', ['self']), entry('a', ['too small']), entry('b', ['too small'])])).toEqual([]);
    expect(sourceProblems([entry('s', ['self'])])).toEqual([]);
  });

  it('orders eligible volumes first, then by name', () => {
    expect(
      orderForChoice([
        { name: 'v10', eligible: false },
        { name: 'v2', eligible: true },
        { name: 'v1', eligible: false },
      ]).map((row) => row.name),
    ).toEqual(['v2', 'v1', 'v10']);
  });

  it('matches each source with a free eligible volume of the right size, never twice, else plans a new one', () => {
    const sources = [volume('s1', 10), volume('s2', 10), volume('s3', 20)];
    const volumes = [...sources, volume('big', 40), volume('same', 10), volume('busy', 10, ['target']), volume('s1_copy', 5)];
    const forAll = [entry('big'), entry('same'), entry('busy'), entry('s2'), entry('s1'), entry('s3'), entry('s1_copy', ['too small'])];
    const eligibility = new Map(sources.map((source) => [source.id, forAll]));
    expect(matchTargets(sources, volumes, eligibility)).toEqual([
      { sourceId: 's1', target: { kind: 'existing', volumeId: 'same', name: 'same' } },
      { sourceId: 's2', target: { kind: 'existing', volumeId: 'big', name: 'big' } },
      { sourceId: 's3', target: { kind: 'new', name: 's3_copy' } },
    ]);
  });

  it('gives new targets distinct names', () => {
    const sources = [volume('a', 1), volume('a_copy', 1)];
    const matches = matchTargets(sources, [...sources, volume('a_copy_copy', 1, ['source'])], new Map());
    expect(matches.map((match) => match.target.name)).toEqual(['a_copy2', 'a_copy_copy2']);
  });

  it('keeps targets picked by hand, matches the rest around them, and says why a pick cannot be used', () => {
    const sources = [volume('s1', 10), volume('s2', 10), volume('s3', 10)];
    const volumes = [...sources, volume('same', 10), volume('other', 10), volume('small', 5)];
    const forAll = [entry('same'), entry('other'), entry('small', ['small is too small'])];
    const eligibility = new Map(sources.map((source) => [source.id, forAll]));
    // s2 picks "same" (the volume s1 would have matched): s1 is matched around it.
    expect(matchTargets(sources, volumes, eligibility, { targetFor: { s2: 'same', s3: NEW_TARGET_CHOICE }, alwaysNew: false })).toEqual([
      { sourceId: 's1', target: { kind: 'existing', volumeId: 'other', name: 'other' } },
      { sourceId: 's2', target: { kind: 'existing', volumeId: 'same', name: 'same' }, chosen: true },
      { sourceId: 's3', target: { kind: 'new', name: 's3_copy' } },
    ]);
    const refused = matchTargets(sources, volumes, eligibility, { targetFor: { s1: 'small', s2: 'small' }, alwaysNew: false });
    expect(refused[0]).toMatchObject({ chosen: true, reasons: ['small is too small'] });
    expect(refused[1]?.reasons).toEqual(['small is already the target of another source in this plan']);
    expect(matchTargets(sources, volumes, eligibility, { targetFor: { s1: 's2' }, alwaysNew: false })[0]?.reasons).toEqual([
      's2 is one of the sources being copied',
    ]);
  });

  it('plans new volumes for every source not picked when asked to always create new ones', () => {
    const sources = [volume('s1', 10), volume('s2', 10)];
    const volumes = [...sources, volume('same', 10)];
    const eligibility = new Map(sources.map((source) => [source.id, [entry('same')]]));
    expect(matchTargets(sources, volumes, eligibility, { targetFor: { s2: 'same' }, alwaysNew: true }).map((match) => match.target)).toEqual([
      { kind: 'new', name: 's1_copy' },
      { kind: 'existing', volumeId: 'same', name: 'same' },
    ]);
    // Offered by hand: eligible and free volumes that are not sources, the best match first.
    expect(
      targetOptionsFor(
        sources[0]!,
        sources,
        [...volumes, volume('big', 40), volume('busy', 10, ['target'])],
        new Map([['s1', [entry('big'), entry('same'), entry('busy'), entry('s2')]]]),
      ).map((v) => v.id),
    ).toEqual(['same', 'big']);
  });
});
