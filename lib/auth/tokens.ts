// API tokens for automation: `Authorization: Bearer gl_…`. The secret is 256 random bits, shown once;
// only its SHA-256 is stored (a slow hash adds nothing for a secret that long).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { cachedToken, cacheToken } from './token-cache';
import { ROLES, type Role } from './roles';

export const TOKEN_PREFIX = 'gl_';
const SHOWN_PREFIX_LENGTH = 10;
const SECRET_SHAPE = /^gl_[A-Za-z0-9_-]{43}$/;

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface TokenOwner {
  id: string;
  username: string;
  role: Role;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The lower of two roles: a token never carries more than its owner. */
export function lesserRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  role: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  user: { username: string; role: string };
};

export function tokenView(row: TokenRow): TokenView {
  const ownerRole = row.user.role as Role;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role === null ? ownerRole : lesserRole(ownerRole, row.role as Role),
    username: row.user.username,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function createToken(
  db: Db,
  ownerId: string,
  name: string,
  role: Role | undefined,
  expiresInDays: number | undefined,
  now = new Date(),
): Promise<{ token: TokenView; secret: string }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
  const row = await db.apiToken.create({
    data: { userId: ownerId, name, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), secretHash: digest(secret), role: role ?? null, createdAt: now, expiresAt },
    include: { user: true },
  });
  return { token: tokenView(row), secret };
}

export interface ResolvedToken {
  tokenId: string;
  tokenName: string;
  user: TokenOwner;
}

/** lastUsedAt is written at most this often. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * The token's owner and role, or null. `cached`: the host data path may answer from a lookup up to
 * TOKEN_CACHE_MS old (lib/auth/token-cache.ts); management requests always ask the inventory.
 */
export async function resolveToken(db: Db, secret: string, now = new Date(), cached = false): Promise<ResolvedToken | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const recent = cached ? cachedToken<ResolvedToken>(secret, now.getTime()) : undefined;
  if (recent !== undefined) return recent;
  const secretHash = digest(secret);
  const row = await db.apiToken.findUnique({ where: { secretHash }, include: { user: true } });
  if (!row) return null;
  if (row.expiresAt !== null && row.expiresAt <= now) return null;
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const ownerRole = row.user.role as Role;
  const role = row.role === null ? ownerRole : lesserRole(ownerRole, row.role as Role);
  const resolved = { tokenId: row.id, tokenName: row.name, user: { id: row.user.id, username: row.user.username, role } };
  cacheToken(secret, resolved, now.getTime(), row.expiresAt?.getTime() ?? null);
  return resolved;
}

/** What the data path's cache holds for the token (no query, no hash), or undefined: ask resolveToken. */
export function recentlyResolvedToken(secret: string, nowMs: number): ResolvedToken | undefined {
  return cachedToken<ResolvedToken>(secret, nowMs);
}

export async function listTokens(db: Db, ownerId?: string): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({ where: ownerId === undefined ? {} : { userId: ownerId }, include: { user: true }, orderBy: { createdAt: 'desc' } });
  return rows.map(tokenView);
}
