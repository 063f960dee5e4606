// Process configuration from the environment (README, Configuration): one place, sensible defaults.
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_PORT = 3000;

export function dataDir(): string {
  return path.resolve(process.env.GRAINLINE_DATA_DIR ?? './data');
}

/** SQLite file in the data dir unless DATABASE_URL says otherwise. */
export function databaseUrl(): string {
  const explicit = process.env.DATABASE_URL;
  if (explicit !== undefined && explicit !== '') return explicit;
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, 'grainline.db')}`;
}

export function listenPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0-65535, got "${raw}"`);
  }
  return port;
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be an integer 0-65535, got "${raw}"`);
  return port;
}

/** The SVC REST API's HTTPS port: 7443, which IBM's Ansible collection hard-codes; 0 turns it off. */
export const DEFAULT_SVC_PORT = 7443;
export function svcRestPort(): number {
  return portFromEnv('GRAINLINE_SVC_PORT', DEFAULT_SVC_PORT);
}

/** The SVC CLI over SSH (`ssh -p 7022 admin@host svcinfo lsfcmap`); 0 turns it off. */
export const DEFAULT_SVC_SSH_PORT = 7022;
export function svcSshPort(): number {
  return portFromEnv('GRAINLINE_SVC_SSH_PORT', DEFAULT_SVC_SSH_PORT);
}

/** NBD (the Network Block Device protocol) for real block tools: qemu-img, nbdcopy, nbdinfo; 0 turns it off. */
export const DEFAULT_NBD_PORT = 10809;
export function nbdPort(): number {
  return portFromEnv('GRAINLINE_NBD_PORT', DEFAULT_NBD_PORT);
}

/** Loopback unless told otherwise: a volume's bytes are not for the whole network by default. */
export function nbdHost(): string {
  const raw = process.env.GRAINLINE_NBD_HOST;
  return raw === undefined || raw === '' ? '127.0.0.1' : raw;
}
