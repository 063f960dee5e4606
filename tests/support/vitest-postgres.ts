// Vitest global setup: with GRAINLINE_TEST_DATABASE=postgresql, one embedded PostgreSQL serves the
// run and every test server gets a fresh database on it (tests/support/server.ts). `npm test` runs
// the API integration suites a second time this way, so both inventories are held to the same tests.
import { freePort } from './server';
import { startPostgres } from './postgres';

export const TEST_PG_ADMIN_URL_ENV = 'GRAINLINE_TEST_PG_ADMIN_URL';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.GRAINLINE_TEST_DATABASE !== 'postgresql') return undefined;
  const postgres = await startPostgres({ port: await freePort() });
  // Workers start after global setup and inherit the environment.
  process.env[TEST_PG_ADMIN_URL_ENV] = postgres.adminUrl;
  return () => postgres.stop();
}
