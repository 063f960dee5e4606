import { describe, expect, it } from 'vitest';
import { decodeProgress, encodeProgress, encodeProgressAt, type CopyProgressFields } from './progress-wire';

const copy: CopyProgressFields = {
  id: 'fc1',
  progress: { percent: 12.345678, copiedBytes: 1_048_576, totalBytes: 8_589_934_592, rateBytesPerSec: 131_072.4, etaSeconds: 65_527.333 },
  differentialBytes: 262_144,
  updatedAt: '2026-01-02T03:04:05.678Z',
};

describe('progress tuples', () => {
  it('carry what progress moves in a short array, rounded as finely as any screen shows it', () => {
    const tuple = encodeProgress(copy);
    expect(tuple).toEqual(['fc1', 12.346, 1_048_576, 8_589_934_592, 131_072, 65_527.3, 262_144, Date.parse(copy.updatedAt)]);
    expect(JSON.stringify(tuple).length).toBeLessThan(80);
  });

  it('decode back to the Copy fields, with updatedAt as the API writes it', () => {
    expect(decodeProgress(JSON.parse(JSON.stringify(encodeProgress(copy))))).toEqual({
      ...copy,
      progress: { ...copy.progress, percent: 12.346, rateBytesPerSec: 131_072, etaSeconds: 65_527.3 },
    });
  });

  it('keep a Storwize chain and a copy with no ETA', () => {
    const chain = { cleanGrains: 3, cleanProgress: 40, dependentMappingIds: ['fc2'], restoring: false, restoredById: null, restoreProgress: 0 };
    const decoded = decodeProgress(encodeProgress({ ...copy, progress: { ...copy.progress, etaSeconds: null }, chain }));
    expect(decoded?.chain).toEqual(chain);
    expect(decoded?.progress.etaSeconds).toBeNull();
  });

  it("come out the same from the engine's figures, whose time is a number", () => {
    const { updatedAt, ...figures } = copy;
    expect(encodeProgressAt({ ...figures, updatedAtMs: Date.parse(updatedAt) })).toEqual(encodeProgress(copy));
  });

  it('turn away what is not a tuple', () => {
    for (const junk of [
      null,
      'fc1',
      [],
      ['fc1', 1, 2, 3, 4, 5, 6],
      ['fc1', '1', 2, 3, 4, null, 6, 7],
      [1, 1, 2, 3, 4, null, 6, 7],
      ['fc1', 1, 2, 3, 4, 'x', 6, 7],
    ])
      expect(decodeProgress(junk)).toBeNull();
  });
});
