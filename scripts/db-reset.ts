// `npm run db:reset`: delete the inventory and volume contents; the next start re-creates the
// schema and seeds the demo fleet. Refuses to touch a non-SQLite DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, databaseUrl } from '../lib/config';
import { applyMigrations } from '../lib/db/migrate';
import { openDb } from '../lib/db/client';
import { seedIfEmpty } from '../lib/seed/seed';

async function main(): Promise<void> {
  const url = databaseUrl();
  if (!url.startsWith('file:')) throw new Error(`db:reset only resets the embedded SQLite database, not ${url.split(':')[0]}:`);
  const file = path.resolve(url.slice('file:'.length));
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(path.join(dataDir(), 'volumes'), { recursive: true, force: true });
  await applyMigrations(url);
  const db = openDb(url);
  await seedIfEmpty(db);
  const arrays = await db.storageArray.count();
  const volumes = await db.volume.count();
  await db.$disconnect();
  console.log(`grainline: reset ${file}: ${arrays} arrays, ${volumes} volumes`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
