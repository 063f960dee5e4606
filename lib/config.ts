// Process configuration from the environment (DESIGN.md): one place, sensible defaults.
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
