// User administration: create, change role or password, delete, sign out everywhere. The last
// admin can be neither demoted nor deleted, so the console can always be administered. A change to
// who a user is or may be disconnects their live feeds, which reconnect and are authorized afresh.
import type { Db } from '../db/client';
import { ApiError } from '../http/api-error';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';
import { endUserSessions } from '../auth/sessions';
import { forgetResolvedTokens } from '../auth/token-cache';
import { disconnectRoom, userRoom } from '../realtime/socket-server';
import type { Runtime } from '../runtime';

export interface UserView {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
  sessions: number;
  tokens: number;
  lastSeenAt: string | null;
}

type UserRow = { id: string; username: string; role: string; createdAt: Date; sessions: { lastSeenAt: Date }[]; _count: { tokens: number } };

const USER_INCLUDE = { sessions: { select: { lastSeenAt: true } }, _count: { select: { tokens: true } } } as const;

function userView(row: UserRow): UserView {
  const lastSeen = row.sessions.reduce<Date | null>((latest, s) => (latest === null || s.lastSeenAt > latest ? s.lastSeenAt : latest), null);
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
    sessions: row.sessions.length,
    tokens: row._count.tokens,
    lastSeenAt: lastSeen?.toISOString() ?? null,
  };
}

export async function listUsers(runtime: Runtime): Promise<UserView[]> {
  const rows = await runtime.db.user.findMany({ include: USER_INCLUDE, orderBy: { username: 'asc' } });
  return rows.map(userView);
}

async function getUserRow(db: Db, id: string) {
  const row = await db.user.findUnique({ where: { id }, include: USER_INCLUDE });
  if (!row) throw new ApiError(404, `no user ${id}`);
  return row;
}

export async function createUser(runtime: Runtime, username: string, password: string, role: Role): Promise<UserView> {
  const { db } = runtime;
  const taken = () => new ApiError(409, `a user named ${username} already exists`);
  // A cheap refusal before hashing; the check that counts is the one inside the transaction (two
  // requests for one name can both pass this one).
  if (await db.user.findFirst({ where: { username } })) throw taken();
  const passwordHash = await hashPassword(password);
  const row = await db.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: { username } })) throw taken();
    return tx.user.create({ data: { username, passwordHash, role }, include: USER_INCLUDE });
  });
  return userView(row);
}

async function assertAnotherAdmin(db: Db, userId: string, what: string): Promise<void> {
  const others = await db.user.count({ where: { role: 'admin', id: { not: userId } } });
  if (others === 0) throw new ApiError(409, `cannot ${what} the last admin: make another user an admin first`);
}

export interface UserChange {
  role?: Role;
  password?: string;
}

/** Changes a user's role and/or password; a new password ends every session of theirs. */
export async function updateUser(runtime: Runtime, id: string, change: UserChange): Promise<UserView> {
  const { db } = runtime;
  const row = await getUserRow(db, id);
  if (change.role !== undefined && row.role === 'admin' && change.role !== 'admin') await assertAnotherAdmin(db, id, 'demote');
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  await db.user.update({ where: { id }, data: { role: change.role, passwordHash } });
  forgetResolvedTokens();
  // A new password ends every session: whoever knew the old one is out.
  if (passwordHash !== undefined) await endUserSessions(db, id);
  const view = userView(await getUserRow(db, id));
  // Live feeds reconnect and are re-authorized with the new role (or end, after a password change).
  disconnectRoom(runtime.io, userRoom(id));
  return view;
}

export async function deleteUser(runtime: Runtime, id: string): Promise<UserView> {
  const { db } = runtime;
  const row = await getUserRow(db, id);
  if (row.role === 'admin') await assertAnotherAdmin(db, id, 'delete');
  await db.user.delete({ where: { id } }); // sessions and tokens go with it (onDelete: Cascade)
  forgetResolvedTokens();
  disconnectRoom(runtime.io, userRoom(id));
  return userView(row);
}

/** Signs a user out of every browser; their API tokens stay (revoke those separately). Returns how many sessions ended. */
export async function signOutUser(runtime: Runtime, id: string): Promise<number> {
  if (!(await runtime.db.user.findUnique({ where: { id } }))) throw new ApiError(404, `no user ${id}`);
  const ended = await endUserSessions(runtime.db, id);
  disconnectRoom(runtime.io, userRoom(id));
  return ended;
}

/** Changes one's own password; the other sessions end, this one stays signed in. */
export async function changeOwnPassword(runtime: Runtime, userId: string, currentPassword: string, newPassword: string, keepSessionId?: string): Promise<void> {
  const { db } = runtime;
  const row = await db.user.findUnique({ where: { id: userId } });
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) throw new ApiError(403, 'the current password is wrong');
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await db.session.deleteMany({ where: { userId, ...(keepSessionId === undefined ? {} : { id: { not: keepSessionId } }) } });
}
