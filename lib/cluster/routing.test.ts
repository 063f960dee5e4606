import { describe, expect, it } from 'vitest';
import { needsPrimary } from './routing';

describe('what a backup forwards to the primary', () => {
  it('forwards the API and SANtricity, not pages, health, the cluster view or metrics', () => {
    expect(needsPrimary('/api/copies?state=PAIR')).toBe(true);
    expect(needsPrimary('/api/volumes/v1/data?offset=0')).toBe(true);
    expect(needsPrimary('/api/session')).toBe(true);
    expect(needsPrimary('/devmgr/v2/storage-systems')).toBe(true);
    expect(needsPrimary('/api/health')).toBe(false);
    expect(needsPrimary('/api/cluster')).toBe(false);
    expect(needsPrimary('/api/cluster/')).toBe(false);
    expect(needsPrimary('/metrics')).toBe(false);
    expect(needsPrimary('/copies')).toBe(false);
    expect(needsPrimary('/apiary')).toBe(false);
  });
});
