// The first admin. There is no default password anywhere: either GRAINLINE_ADMIN_USER and
// GRAINLINE_ADMIN_PASSWORD name one (created at start if that user does not exist yet), or the
// console serves a first-run setup page for as long as there is no user at all.
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { hashPassword, Password, Username } from './passwords';

export interface EnvAdmin {
  username: string;
  password: string;
}

export function envAdmin(): EnvAdmin | null {
  const username = process.env.GRAINLINE_ADMIN_USER ?? '';
  const password = process.env.GRAINLINE_ADMIN_PASSWORD ?? '';
  if (username === '' && password === '') return null;
  if (username === '' || password === '') throw new Error('set both GRAINLINE_ADMIN_USER and GRAINLINE_ADMIN_PASSWORD, or neither');
  const user = Username.safeParse(username);
  if (!user.success) throw new Error(`GRAINLINE_ADMIN_USER ${user.error.issues[0]?.message ?? 'is invalid'}`);
  const pass = Password.safeParse(password);
  if (!pass.success) throw new Error(`GRAINLINE_ADMIN_PASSWORD ${pass.error.issues[0]?.message ?? 'is invalid'}`);
  return { username, password };
}

/** Creates the environment's admin if it does not exist; an existing user is left as it is. */
export async function ensureEnvAdmin(db: Db, log: Logger): Promise<void> {
  const admin = envAdmin();
  if (admin === null) {
    if ((await db.user.count()) === 0)
      log.warn('no users yet: open the console to create the first admin on its setup page (or set GRAINLINE_ADMIN_USER / GRAINLINE_ADMIN_PASSWORD)');
    return;
  }
  const existing = await db.user.findUnique({ where: { username: admin.username } });
  if (existing) return;
  await db.user.create({ data: { username: admin.username, passwordHash: await hashPassword(admin.password), role: 'admin' } });
  log.info({ username: admin.username }, 'created the admin named by GRAINLINE_ADMIN_USER');
}

export async function setupNeeded(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}
