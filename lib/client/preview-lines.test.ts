import { describe, expect, it } from 'vitest';
import type { Preview } from '@/engine/client';
import { outcomeSummary, previewLines, refusalsOf } from './preview-lines';

const failB: Preview = {
  allowed: true,
  refusal: null,
  consequences: [
    { kind: 'owner', from: 'B', to: 'A', volumeId: 'v1', volumeName: 'db01', text: 'db01 moves to controller A.' },
    { kind: 'owner', from: 'B', to: 'A', volumeId: 'v2', volumeName: 'db02', text: 'db02 moves to controller A.' },
    { kind: 'state', from: 'in-progress', to: 'failed', copyId: 'c1', copyName: 'volcopy1', text: 'volcopy1 fails.' },
    { kind: 'offline', volumeId: 'v3', volumeName: 'db03', text: 'db03 goes offline.' },
  ],
};

describe('preview lines', () => {
  it('shows each consequence in the engine’s words, warning where a person should stop', () => {
    expect(previewLines([failB]).map((line) => line.warn)).toEqual([true, true, false, true]);
    expect(previewLines([failB])[2]?.text).toBe('volcopy1 fails.');
  });

  it('lists refusals', () => {
    expect(refusalsOf([failB, { allowed: false, refusal: 'controller A is offline', consequences: [] }])).toEqual(['controller A is offline']);
  });

  it('counts what happened for the toast', () => {
    expect(outcomeSummary([failB])).toBe('2 volumes moved to controller A; 1 volume went offline; 1 copy changed state.');
    expect(outcomeSummary([{ allowed: true, refusal: null, consequences: [] }])).toBeNull();
  });
});
