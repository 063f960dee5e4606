import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeOrphanVolumeFiles, runEngineLoop } from './engine-runtime';

describe('removeOrphanVolumeFiles', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('removes the files of volumes the inventory no longer has, and nothing else', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-volumes-'));
    const files = [
      'kept.vol',
      'kept.vol.alloc',
      'kept.vol.alloc.log',
      'gone.vol',
      'gone.vol.alloc',
      'gone.vol.alloc.tmp',
      'gone.vol.alloc.log',
      'gone.vol.alloc.log.tmp',
      'notes.txt',
    ];
    for (const name of files) fs.writeFileSync(path.join(dir, name), 'x');
    expect(removeOrphanVolumeFiles(dir, new Set(['kept'])).sort()).toEqual([
      'gone.vol',
      'gone.vol.alloc',
      'gone.vol.alloc.log',
      'gone.vol.alloc.log.tmp',
      'gone.vol.alloc.tmp',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['kept.vol', 'kept.vol.alloc', 'kept.vol.alloc.log', 'notes.txt']);
  });
});

describe('runEngineLoop', () => {
  it('stops at the first failing tick and reports it, ticking no more', async () => {
    let ticks = 0;
    const failure = new Error('assertion failed: bitmap count');
    const engine = {
      clock: { speed: 'max' as const },
      visitedLastTick: () => 0,
      tick: () => {
        ticks += 1;
        if (ticks === 3) throw failure;
        return 0;
      },
    };
    const fatal: unknown[] = [];
    const logged: string[] = [];
    const log = { fatal: (_record: unknown, message: string) => logged.push(message) } as unknown as Parameters<typeof runEngineLoop>[1];
    runEngineLoop(engine, log, (error) => fatal.push(error));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ticks).toBe(3);
    expect(fatal).toEqual([failure]);
    expect(logged[0]).toMatch(/stopping/);
  });

  it('reports how long each tick took, and no failed one', async () => {
    let ticks = 0;
    const engine = {
      clock: { speed: 'max' as const },
      visitedLastTick: () => 0,
      tick: () => {
        ticks += 1;
        const untilMs = performance.now() + 2;
        while (performance.now() < untilMs); // a tick that takes 2 ms of wall time
        if (ticks === 4) throw new Error('assertion failed');
        return 0;
      },
    };
    const log = { fatal: () => undefined } as unknown as Parameters<typeof runEngineLoop>[1];
    const durationsMs: number[] = [];
    runEngineLoop(engine, log, () => undefined, { onTicked: (durationMs: number) => durationsMs.push(durationMs) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(durationsMs).toHaveLength(3);
    expect(durationsMs.every((ms) => ms >= 2)).toBe(true);
  });
});
