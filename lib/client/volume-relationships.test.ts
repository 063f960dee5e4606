import { describe, expect, it } from 'vitest';
import type { Copy } from './types';
import { relationshipsOf } from './volume-relationships';

const copy = (id: string, type: Copy['type'], sourceVolumeId: string, targetVolumeId: string, createdAt: string) =>
  ({ id, type, sourceVolumeId, targetVolumeId, createdAt }) as Copy;

describe('a volume’s relationships', () => {
  it('lists the copies naming the volume, oldest first, with its role in the service’s words', () => {
    const copies = [
      copy('c3', 'shadowimage', 'p', 's2', '2026-01-03T00:00:00.000Z'),
      copy('c1', 'shadowimage', 'p', 's1', '2026-01-01T00:00:00.000Z'),
      copy('c2', 'shadowimage', 'x', 'y', '2026-01-02T00:00:00.000Z'),
    ];
    expect(relationshipsOf(copies, 'p').map((r) => [r.copy.id, r.role, r.roleName, r.partnerId])).toEqual([
      ['c1', 'source', 'P-VOL', 's1'],
      ['c3', 'source', 'P-VOL', 's2'],
    ]);
    expect(relationshipsOf(copies, 's2').map((r) => [r.roleName, r.partnerId])).toEqual([['S-VOL', 'p']]);
    expect(relationshipsOf([copy('f', 'flashcopy', 'a', 'b', '2026-01-01T00:00:00.000Z')], 'b')[0]?.roleName).toBe('target');
    expect(relationshipsOf(copies, 'nobody')).toEqual([]);
  });
});
