// The vendor surfaces' own keys, made at first start and kept in the data directory so clients
// that pin them see the same ones after a restart: a self-signed TLS certificate (selfsigned) for
// the SVC REST API, and an ed25519 host key (ssh2) for the SVC CLI over SSH.
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { utils as sshUtils } from 'ssh2';

const VALID_DAYS = 3650;

function keysDir(dataDir: string): string {
  const dir = path.join(dataDir, 'keys');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Written whole or not at all: a crash while writing must not leave half a key for the next start. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export interface TlsPair {
  key: string;
  cert: string;
}

export async function loadOrCreateTls(dataDir: string): Promise<TlsPair> {
  const dir = keysDir(dataDir);
  const keyFile = path.join(dir, 'svc-rest.key.pem');
  const certFile = path.join(dir, 'svc-rest.cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  const now = new Date();
  const pems = await generate(
    [
      { name: 'commonName', value: 'grainline-svc' },
      { name: 'organizationName', value: 'Grainline simulated storage' },
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  writeAtomically(keyFile, pems.private);
  writeAtomically(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

/**
 * ssh2's generator writes a key it cannot read back about once in 250 (an ed25519 public key with a
 * leading zero byte comes out 31 bytes long), so a key is kept only once it parses; one saved by
 * an older version that does not parse is replaced: no client could have pinned it.
 */
export function generateSshHostKey(): string {
  for (;;) {
    const pair = sshUtils.generateKeyPairSync('ed25519');
    if (!(sshUtils.parseKey(pair.private) instanceof Error)) return pair.private;
  }
}

export function loadOrCreateSshHostKey(dataDir: string): string {
  const file = path.join(keysDir(dataDir), 'ssh_host_ed25519_key');
  if (fs.existsSync(file)) {
    const saved = fs.readFileSync(file, 'utf8');
    if (!(sshUtils.parseKey(saved) instanceof Error)) return saved;
  }
  const key = generateSshHostKey();
  writeAtomically(file, key);
  return key;
}
