// Signing in and out, and the first-run setup that creates the first admin.
import type { Runtime } from '../runtime';
import { ApiError } from '../http/api-error';
import { setupNeeded } from '../auth/bootstrap';
import { verifyPassword, hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { createSession, endSession, endUserSessions, type NewSession } from '../auth/sessions';
import type { Role } from '../auth/roles';
import { disconnectRoom, sessionRoom, userRoom } from '../realtime/socket-server';

export interface SessionUserView {
  id: string;
  username: string;
  role: Role;
}

export interface SignedIn {
  user: SessionUserView;
  session: NewSession;
}

export async function signIn(runtime: Runtime, username: string, password: string, address: string, userAgent: string): Promise<SignedIn> {
  const limiter = runtime.auth.signInLimiter;
  const waitSeconds = await limiter.retryAfterSeconds(username, address);
  if (waitSeconds > 0) {
    throw new ApiError(429, `too many failed sign-ins: try again in ${Math.ceil(waitSeconds / 60)} min`, { retryAfterSeconds: waitSeconds });
  }
  const user = await runtime.db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await limiter.recordFailure(username, address);
    throw new ApiError(401, 'wrong username or password');
  }
  await limiter.recordSuccess(username);
  const session = await createSession(runtime.db, runtime.auth.sessionSecret, user.id, address, userAgent);
  return { user: { id: user.id, username: user.username, role: user.role as Role }, session };
}

/**
 * Ends the caller's session, or with `everywhere` every session of theirs, and the live feeds that
 * ran on them. Returns how many sessions ended. API tokens stay valid either way.
 */
export async function signOut(runtime: Runtime, principal: Principal, everywhere: boolean): Promise<number> {
  if (everywhere) {
    const ended = await endUserSessions(runtime.db, principal.userId);
    disconnectRoom(runtime.io, userRoom(principal.userId));
    return ended;
  }
  if (principal.sessionId === undefined) throw new ApiError(400, 'an API token has no session to end: revoke the token with DELETE /api/tokens/:id');
  await endSession(runtime.db, principal.sessionId);
  disconnectRoom(runtime.io, sessionRoom(principal.sessionId));
  return 1;
}

/** Whether the console still has no user, so the first-run setup page is open. */
export async function needsSetup(runtime: Runtime): Promise<boolean> {
  return setupNeeded(runtime.db);
}

function alreadySetUp(): ApiError {
  return new ApiError(409, 'the console is already set up: sign in instead');
}

/** Creates the first admin and signs them in; refused once any user exists. */
export async function setUp(runtime: Runtime, username: string, password: string, address: string, userAgent: string): Promise<SignedIn> {
  // Refused before hashing: once set up, an anonymous caller must not get an argon2 hash (19 MiB,
  // tens of ms of CPU) out of the server per request.
  if ((await runtime.db.user.count()) > 0) throw alreadySetUp();
  const passwordHash = await hashPassword(password);
  // Count and create in one transaction so two racing setup requests cannot both become admin.
  const user = await runtime.db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return null;
    return tx.user.create({ data: { username, passwordHash, role: 'admin' } });
  });
  if (user === null) throw alreadySetUp();
  const session = await createSession(runtime.db, runtime.auth.sessionSecret, user.id, address, userAgent);
  return { user: { id: user.id, username: user.username, role: 'admin' }, session };
}
