// The key iron-session seals session cookies with. From GRAINLINE_SESSION_SECRET when set (several
// nodes must share it), else generated once and kept in the inventory so restarts keep sessions.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

const SETTING_KEY = 'auth.sessionSecret';
/** iron-session refuses passwords shorter than 32 characters. */
export const MIN_SECRET_LENGTH = 32;

export async function loadSessionSecret(db: Db): Promise<string> {
  const fromEnv = process.env.GRAINLINE_SESSION_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new Error(`GRAINLINE_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return fromEnv;
  }
  const stored = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  if (stored && typeof stored.value === 'string' && stored.value.length >= MIN_SECRET_LENGTH) return stored.value;
  const generated = randomBytes(32).toString('base64url');
  // upsert with an empty update: if another node created it first, keep theirs and read it back.
  await db.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: generated }, update: {} });
  const winner = await db.setting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
  return winner.value as string;
}
