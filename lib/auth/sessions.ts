// Browser sessions: a database row per signed-in browser, its id sealed into an httpOnly cookie by
// iron-session. The row is what makes sign-out, sign-out-everywhere and expiry real on the server.
import { randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import type { Db } from '../db/client';
import type { Role } from './roles';

export const SESSION_COOKIE = 'grainline_session';
/** Readable by the page's script, which echoes it in x-csrf-token; the server checks it against the session row. */
export { CSRF_COOKIE } from '../client/auth-constants';
/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not turn into a write each. */
const TOUCH_INTERVAL_MS = 60 * 1000;

interface SealedSession {
  sid: string;
}

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, secret: string, userId: string, address: string, userAgent: string, now = new Date()): Promise<NewSession> {
  const sid = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.session.create({ data: { id: sid, userId, csrfToken, address, userAgent: userAgent.slice(0, 256), createdAt: now, lastSeenAt: now, expiresAt } });
  const cookieValue = await sealData({ sid } satisfies SealedSession, { password: secret, ttl: SESSION_MAX_MS / 1000 });
  return { cookieValue, csrfToken, expiresAt };
}

async function sessionIdOf(secret: string, cookieValue: string): Promise<string | null> {
  try {
    const data = await unsealData<Partial<SealedSession>>(cookieValue, { password: secret, ttl: SESSION_MAX_MS / 1000 });
    return typeof data.sid === 'string' ? data.sid : null;
  } catch {
    return null; // tampered, expired or sealed with another key
  }
}

export async function resolveSession(db: Db, secret: string, cookieValue: string, now = new Date()): Promise<ResolvedSession | null> {
  const sid = await sessionIdOf(secret, cookieValue);
  if (sid === null) return null;
  const row = await db.session.findUnique({ where: { id: sid }, include: { user: true } });
  if (!row) return null;
  const absoluteEnd = row.createdAt.getTime() + SESSION_MAX_MS;
  if (row.expiresAt <= now || absoluteEnd <= now.getTime()) {
    await db.session.deleteMany({ where: { id: sid } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd));
    await db.session.updateMany({ where: { id: sid }, data: { lastSeenAt: now, expiresAt } });
  }
  return { sessionId: row.id, csrfToken: row.csrfToken, user: { id: row.user.id, username: row.user.username, role: row.user.role as Role } };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Signs a user out of every browser; returns how many sessions ended. */
export async function endUserSessions(db: Db, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export async function pruneExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
