import { describe, expect, it } from 'vitest';
import type { Preview } from '@/engine/client';
import type { PairRequest } from './create-pairs';
import { overwrittenNames, reviewCommands, reviewLines, reviewRefusals, type ReviewInput, type ReviewPair } from './wizard-review';

const GiB = 1024 ** 3;
const pair = (created = false): ReviewPair => ({
  source: { name: 'db01', capacityBytes: 10 * GiB, currentOwner: 'A' },
  target: { name: created ? 'db01_copy' : 'db02', capacityBytes: 10 * GiB, currentOwner: 'B', created, poolName: 'pool-1' },
});
const overwrite: Preview = {
  allowed: true,
  refusal: null,
  consequences: [
    { kind: 'state', from: null, to: 'in-progress', copyId: null, copyName: 'volcopy1', text: 'volcopy1 is created in-progress.' },
    { kind: 'overwritten', volumeId: 'v2', volumeName: 'db02', text: 'The contents of db02 are replaced.' },
    {
      kind: 'moves',
      bytes: 10 * GiB,
      fromVolumeId: 'v1',
      toVolumeId: 'v2',
      copyId: null,
      copyName: 'volcopy1',
      text: '10 GiB to copy from db01 to db02 at 64 MiB/s: about 3 min of simulated time.',
    },
  ],
};
const base: ReviewInput = { model: 'santricity', arrayName: 'E2800-01', pairs: [pair()], start: true, group: null, previews: [overwrite] };
const texts = (input: ReviewInput) => reviewLines(input).map((line) => line.text);

describe('wizard review', () => {
  it('asks the engine about exactly what Create sends: existing targets and targets made first', () => {
    const requests: PairRequest[] = [
      { sourceId: 's1', sourceName: 'db01', target: { kind: 'existing', volumeId: 't1', name: 'db02' } },
      {
        sourceId: 's2',
        sourceName: 'db03',
        target: { kind: 'new', name: 'db03_copy', volume: { arrayId: 'a', poolId: 'p', name: 'db03_copy', capacityBytes: 8 * GiB, preferredOwner: 'B' } },
      },
    ];
    expect(reviewCommands({ type: 'volume-copy', options: { priority: 'high' }, start: true, consistencyGroupId: 'g1' }, requests)).toEqual([
      {
        command: 'create-copy',
        type: 'volume-copy',
        sourceVolumeId: 's1',
        targetVolumeId: 't1',
        options: { priority: 'high' },
        start: true,
        consistencyGroupId: 'g1',
      },
      {
        command: 'create-copy-new-target',
        type: 'volume-copy',
        sourceVolumeId: 's2',
        newTarget: { name: 'db03_copy', capacityBytes: 8 * GiB, currentOwner: 'B' },
        options: { priority: 'high' },
        start: true,
        consistencyGroupId: 'g1',
      },
    ]);
    expect(reviewCommands({ type: 'flashcopy', options: {}, start: false, name: 'nightly' }, requests.slice(0, 1))[0]).toMatchObject({
      name: 'nightly',
      start: false,
    });
  });

  it('shows the engine’s consequences in its words, marking what needs attention', () => {
    const lines = reviewLines(base);
    expect(lines[0]).toEqual({ text: 'Creates 1 volume copy on E2800-01 and starts it.', warn: false });
    expect(lines).toContainEqual({ text: 'The contents of db02 are replaced.', warn: true });
    expect(lines).toContainEqual({ text: 'volcopy1 is created in-progress.', warn: false });
    expect(lines).toContainEqual({ text: '10 GiB to copy from db01 to db02 at 64 MiB/s: about 3 min of simulated time.', warn: false });
    // Until the engine answers, only what the wizard itself does is known.
    expect(texts({ ...base, previews: undefined })).toEqual(['Creates 1 volume copy on E2800-01 and starts it.']);
  });

  it('says what the wizard creates first: names, volumes, the group', () => {
    expect(texts({ ...base, pairs: [pair(true)], previews: [] })[1]).toBe(
      'Creates volume db01_copy (10 GiB, pool pool-1, controller B) first; it is deleted again if its copy cannot be created.',
    );
    expect(texts({ ...base, model: 'xp7', naming: { kind: 'given', name: 'nightly' } })[0]).toBe(
      'Creates 1 ShadowImage pair named nightly on E2800-01 and starts it.',
    );
    expect(texts({ ...base, model: 'xp7', naming: { kind: 'default', name: 'sipair3' } })[0]).toBe(
      'Creates 1 ShadowImage pair named sipair3 (the array’s default name) on E2800-01 and starts it.',
    );
    const bulk = texts({ ...base, pairs: [pair(), pair()], naming: { kind: 'defaults', pattern: 'volcopyN' }, previews: [] });
    expect(bulk[0]).toBe('Creates 2 volume copies on E2800-01 and starts them.');
    expect(bulk[1]).toBe('Each gets the array’s default name (volcopyN); rename any of them from its page.');
    expect(texts({ ...base, model: 'storwize', start: false, group: { name: 'nightly', created: true }, previews: [] })).toEqual([
      'Creates 1 FlashCopy mapping on E2800-01.',
      'Creates consistency group nightly first and adds the FlashCopy mapping to it.',
    ]);
  });

  it('names the pair the engine would refuse, and asks for typing only where it says data is overwritten', () => {
    const refused: Preview = { allowed: false, refusal: 'the source db01 is offline', consequences: [] };
    expect(reviewRefusals([pair()], [refused])).toEqual(['The source db01 is offline']);
    expect(reviewRefusals([pair(), pair(true)], [overwrite, refused])).toEqual(['db01 → db01_copy: the source db01 is offline']);
    expect(overwrittenNames([pair(), pair()], [overwrite, overwrite])).toEqual(['db02']);
    expect(overwrittenNames([pair()], [{ allowed: true, refusal: null, consequences: [] }])).toEqual([]);
    expect(overwrittenNames([pair()], undefined)).toEqual([]);
  });

  it('says a DS6000 freeze holds the sources, and asks the engine about it only with a group it knows', () => {
    const requests: PairRequest[] = [{ sourceId: 's1', sourceName: 'db01', target: { kind: 'existing', volumeId: 't1', name: 'db02' } }];
    const [existing] = reviewCommands({ type: 'flashcopy', options: {}, start: true, consistencyGroupId: 'g1', freeze: true }, requests);
    expect(existing).toMatchObject({ consistencyGroupId: 'g1', freeze: true });
    // A group the wizard creates first has no id yet: freeze without it would be refused.
    const [fresh] = reviewCommands({ type: 'flashcopy', options: {}, start: true, freeze: true }, requests);
    expect(fresh).not.toHaveProperty('freeze');
    const lines = reviewLines({ ...base, model: 'ds6000', group: { name: 'fcgrp1', created: false, freeze: true }, previews: [] });
    expect(lines[2]).toEqual({
      text: 'Freezes its source from its point in time: hosts cannot write it (extended long busy) until consistency group fcgrp1 is thawed or the freeze times out.',
      warn: true,
    });
  });

  it('does not warn of replacing what a volume the wizard creates first holds: it holds nothing', () => {
    const fresh: Preview = {
      allowed: true,
      refusal: null,
      consequences: [{ kind: 'overwritten', volumeId: '(new)', volumeName: 'db01_copy', text: 'The current contents of the target db01_copy are replaced.' }],
    };
    expect(overwrittenNames([pair(true)], [fresh])).toEqual([]);
    expect(texts({ ...base, pairs: [pair(true)], previews: [fresh] }).join(' ')).not.toMatch(/are replaced/);
  });
});
