import { describe, expect, it } from 'vitest';
import { choicesOf, commonChoices, runBulk } from './copy-choices';

const split = (allowedModes: string[]) => ({
  action: 'split',
  label: 'Split',
  allowed: allowedModes.length > 0,
  destructive: false,
  modes: ['quick', 'steady'],
  allowedModes,
  ...(allowedModes.length === 0 ? { reason: 'split is not allowed while the pair is PSUS' } : {}),
});
const suspend = (allowed: boolean) => ({ action: 'suspend', label: 'Suspend (PSUE)', allowed, destructive: true, modes: [], allowedModes: [] });

describe('copy choices', () => {
  it('offers one choice per mode, each with its own availability and the reason when refused', () => {
    const choices = choicesOf({ model: 'xp7', state: 'PAIR', actions: [split(['quick']), suspend(true)] });
    expect(choices.map((c) => [c.label, c.allowed])).toEqual([
      ['Split (quick)', true],
      ['Split (steady)', false],
      ['Suspend (PSUE)', true],
    ]);
    expect(choices[1]?.reason).toBe('split (steady) is not allowed while the pair is PAIR');
  });

  it('offers for a selection only what every selected copy allows', () => {
    const pair = { model: 'xp7', state: 'PAIR', actions: [split(['quick', 'steady']), suspend(true)] };
    const split1 = { model: 'xp7', state: 'PSUS', actions: [split([]), suspend(true)] };
    expect(commonChoices([pair, pair]).map((c) => c.label)).toEqual(['Split (quick)', 'Split (steady)', 'Suspend (PSUE)']);
    expect(commonChoices([pair, split1]).map((c) => c.label)).toEqual(['Suspend (PSUE)']);
    expect(commonChoices([])).toEqual([]);
  });

  it('runs every id with bounded concurrency and reports each success and failure', async () => {
    let running = 0;
    let peak = 0;
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const outcome = await runBulk(
      ids,
      async (id) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
        if (id === 'c3') throw new Error('refused: state PSUE');
      },
      (error) => (error as Error).message,
      4,
    );
    expect(peak).toBeLessThanOrEqual(4);
    expect(outcome.succeeded).toHaveLength(19);
    expect(outcome.failed).toEqual([{ id: 'c3', message: 'refused: state PSUE' }]);
  });
});
