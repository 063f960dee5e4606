import { describe, expect, it } from 'vitest';
import { copyDuration, needsTypedConfirmation, queueLine, reviewLines, type ReviewInput, type ReviewPair } from './wizard-review';

const GiB = 1024 ** 3;
const pair = (targetOwner: 'A' | 'B', created = false): ReviewPair => ({
  source: { name: 'db01', capacityBytes: 10 * GiB, currentOwner: 'A' },
  target: { name: created ? 'db01_copy' : 'db02', capacityBytes: 10 * GiB, currentOwner: targetOwner, created, poolName: 'pool-1' },
});
const base: ReviewInput = { model: 'santricity', arrayName: 'E2800-01', pairs: [pair('B')], options: { priority: 'medium', targetReadOnly: true }, start: true, rateBytesPerSec: 64 * 1024 ** 2, inProgressOnArray: 0, pendingOnArray: 0, group: null };
const texts = (input: ReviewInput) => reviewLines(input).map((line) => line.text);

describe('wizard review', () => {
  it('says the volume copy target moves to the source’s controller and back', () => {
    expect(texts(base)).toContain('db02: target ownership moves from controller B to A during the copy (the source\'s controller owns both) and returns afterwards.');
    expect(texts({ ...base, pairs: [pair('A')] }).some((text) => text.includes('ownership moves'))).toBe(false);
  });

  it('says when the SANtricity queue is full and the copy will wait as pending', () => {
    expect(queueLine(8, 0, 1).text).toBe('8 copies are in progress on this array: this one will wait as pending until one of the 8 slots frees (higher priority first, then oldest).');
    expect(queueLine(6, 0, 5)).toEqual({ warn: true, text: '6 copies are in progress on this array: 2 of these start at once, the other 3 wait as pending until a slot frees.' });
    expect(queueLine(3, 0, 1)).toEqual({ warn: false, text: "3 of the array's 8 in-progress slots are in use: it starts at once." });
    expect(queueLine(3, 2, 1).text).toMatch(/2 copies are already waiting: this one will wait as pending/);
  });

  it('warns that an existing target is overwritten, and asks for typing only then', () => {
    expect(texts(base)).toContain('The current contents of the target db02 will be overwritten.');
    expect(texts({ ...base, start: false })).toContain('The current contents of the target db02 will be overwritten when the copy starts.');
    expect(needsTypedConfirmation(base.pairs)).toBe(true);
    expect(needsTypedConfirmation([pair('A', true)])).toBe(false);
    expect(texts({ ...base, pairs: [pair('A', true)] })[1]).toBe('Creates volume db01_copy (10 GiB, pool pool-1, controller A) first; it is deleted again if its copy cannot be created.');
  });

  it('explains each service in its own terms', () => {
    expect(texts({ ...base, model: 'storwize', options: { copyRate: 0 }, start: true }).join(' ')).toMatch(/Copy rate 0: no background copy/);
    expect(texts({ ...base, model: 'storwize', options: { copyRate: 50 }, start: false }).join(' ')).toMatch(/created idle_or_copied/);
    expect(texts({ ...base, model: 'ds6000', options: { mode: 'nocopy' } }).join(' ')).toMatch(/lasts until you withdraw it/);
    expect(texts({ ...base, model: 'ds6000', options: { mode: 'copy' }, rateBytesPerSec: 100 * 1024 ** 2 })).toContain('When the background copy completes, the relationship ends by itself and the volumes are independent.');
    expect(texts({ ...base, model: 'xp7', options: { pace: 'medium' } })[0]).toBe('Creates 1 ShadowImage pair on E2800-01 and starts it.');
    expect(texts({ ...base, model: 'xp7', options: { pace: 'medium' }, naming: { kind: 'given', name: 'nightly' } })[0]).toBe('Creates 1 ShadowImage pair named nightly on E2800-01 and starts it.');
    expect(texts({ ...base, model: 'xp7', options: { pace: 'medium' }, naming: { kind: 'default', name: 'sipair3' } })[0]).toBe('Creates 1 ShadowImage pair named sipair3 (the array’s default name) on E2800-01 and starts it.');
    const bulk = texts({ ...base, pairs: [pair('A'), pair('A')], naming: { kind: 'defaults', pattern: 'volcopyN' } });
    expect(bulk[0]).toBe('Creates 2 volume copies on E2800-01 and starts them.');
    expect(bulk[1]).toMatch(/^Each gets the array’s default name \(volcopyN, with the smallest number free/);
    expect(texts({ ...base, model: 'storwize', options: { copyRate: 50 }, group: { name: 'nightly', created: true } })).toContain('Creates consistency group nightly first and adds the mapping to it.');
  });

  it('estimates the background copy in simulated time', () => {
    expect(copyDuration(10 * GiB, 64 * 1024 ** 2)).toBe('2 min 40 s');
    expect(copyDuration(2 * 1024 * GiB, 64 * 1024 ** 2)).toBe('9 h 6 min');
  });
});
