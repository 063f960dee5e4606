import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils as sshUtils } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSshHostKey, loadOrCreateSshHostKey } from './tls';

const parses = (key: string) => !(sshUtils.parseKey(key) instanceof Error);
let dataDir = '';
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the SVC CLI host key', () => {
  it('is always one ssh2 can read (its generator makes an unreadable one about once in 250)', () => {
    for (let i = 0; i < 2_000; i += 1) expect(parses(generateSshHostKey())).toBe(true);
  });

  it('keeps a saved key across starts and replaces one that does not parse', () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-keys-'));
    const first = loadOrCreateSshHostKey(dataDir);
    expect(loadOrCreateSshHostKey(dataDir)).toBe(first);
    const file = path.join(dataDir, 'keys', 'ssh_host_ed25519_key');
    fs.writeFileSync(file, '-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----\n');
    const replaced = loadOrCreateSshHostKey(dataDir);
    expect(parses(replaced)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(replaced);
  });
});
