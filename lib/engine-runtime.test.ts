import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeOrphanVolumeFiles } from './engine-runtime';

describe('removeOrphanVolumeFiles', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('removes the files of volumes the inventory no longer has, and nothing else', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-volumes-'));
    const files = ['kept.vol', 'kept.vol.alloc', 'gone.vol', 'gone.vol.alloc', 'gone.vol.alloc.tmp', 'notes.txt'];
    for (const name of files) fs.writeFileSync(path.join(dir, name), 'x');
    expect(removeOrphanVolumeFiles(dir, new Set(['kept'])).sort()).toEqual(['gone.vol', 'gone.vol.alloc', 'gone.vol.alloc.tmp']);
    expect(fs.readdirSync(dir).sort()).toEqual(['kept.vol', 'kept.vol.alloc', 'notes.txt']);
  });
});
