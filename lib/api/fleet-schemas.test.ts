import { describe, expect, it } from 'vitest';
import { CreateVolumeBody, VolumeQuery } from './fleet-schemas';
import { GiB, TiB } from '../units';

const valid = { arrayId: 'a1', name: 'ora_data_07', capacityBytes: 10 * 1024 ** 3 };

function messages(input: unknown): string[] {
  const result = CreateVolumeBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('CreateVolumeBody', () => {
  it('accepts a plain request and turns the capacity into bigint bytes', () => {
    const parsed = CreateVolumeBody.parse(valid);
    expect(parsed.capacityBytes).toBe(10n * GiB);
    expect(parsed.preferredOwner).toBeUndefined();
  });

  it('accepts capacities above 2^53 as decimal strings', () => {
    const parsed = CreateVolumeBody.parse({ ...valid, capacityBytes: (32n * TiB).toString() });
    expect(parsed.capacityBytes).toBe(32n * TiB);
  });

  it.each([
    [0, 'at least 1 MiB'],
    [-1, 'must not be negative'],
    [1.5, 'whole number'],
    [1024 ** 2 + 1, 'multiple of 512'],
    [(65n * TiB).toString(), 'at most 64 TiB'],
    ['12GB', 'digits'],
    [true, ''],
  ])('refuses capacity %s', (capacityBytes, expected) => {
    const found = messages({ ...valid, capacityBytes });
    expect(found.length).toBeGreaterThan(0);
    expect(found.join(' ')).toContain(expected);
    expect(found.every((m) => m.startsWith('capacityBytes'))).toBe(true);
  });

  it.each([[''], ['-lead'], ['has space'], ['x'.repeat(65)], ["name'; DROP TABLE"]])('refuses name %j', (name) => {
    expect(messages({ ...valid, name }).some((m) => m.startsWith('name'))).toBe(true);
  });

  it('refuses unknown fields, a bad owner and missing fields, naming each', () => {
    const found = messages({ name: 'v', capacityBytes: 1024 ** 2, preferredOwner: 'C', colour: 'red' });
    expect(found.join('\n')).toMatch(/arrayId/);
    expect(found.join('\n')).toMatch(/preferredOwner/);
    expect(found.join('\n')).toMatch(/colour/);
  });
});

describe('VolumeQuery', () => {
  it('accepts the documented filters and refuses unknown ones', () => {
    expect(VolumeQuery.parse({ arrayId: 'a', role: 'source', q: 'ora', owner: 'B' })).toEqual({ arrayId: 'a', role: 'source', q: 'ora', owner: 'B' });
    expect(VolumeQuery.safeParse({ owner: 'C' }).success).toBe(false);
    expect(VolumeQuery.safeParse({ sort: 'name' }).success).toBe(false);
  });
});
