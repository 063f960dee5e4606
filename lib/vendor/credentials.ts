// Sign-in for the vendor surfaces (SVC REST and SSH, SANtricity Web Services): Grainline's own
// users and roles, behind the same throttle as the console's sign-in page, and the same audit.
import { verifyPassword } from '../auth/passwords';
import { recordAudit } from '../auth/audit';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import type { Runtime } from '../runtime';

export type CredentialCheck = { ok: true; principal: Principal } | { ok: false; reason: 'wrong' | 'throttled'; retryAfterSeconds: number; message: string };

/** Verifies a username and password as the sign-in page does (argon2id, throttled per user and address). */
export async function checkCredentials(runtime: Runtime, username: string, password: string, address: string): Promise<CredentialCheck> {
  const limiter = runtime.auth.signInLimiter;
  const waitSeconds = await limiter.retryAfterSeconds(username, address);
  if (waitSeconds > 0) {
    return {
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: waitSeconds,
      message: `too many failed sign-ins: try again in ${Math.ceil(waitSeconds / 60)} min`,
    };
  }
  const user = username === '' ? null : await runtime.db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (user === null || !ok) {
    await limiter.recordFailure(username, address);
    return { ok: false, reason: 'wrong', retryAfterSeconds: 0, message: 'wrong username or password' };
  }
  await limiter.recordSuccess(username);
  return { ok: true, principal: { userId: user.id, username: user.username, role: user.role as Role, via: 'session' } };
}

export interface VendorAudit {
  principal: Principal | null;
  claimedUser?: string;
  address: string;
  /** e.g. "POST" for REST, "SSH" for the CLI. */
  method: string;
  /** What was asked, as the vendor's client sent it: "/rest/mkfcmap", "svctask mkfcmap -source a …". */
  path: string;
  status: number;
  message?: string;
}

/** Puts a vendor request on the audit trail beside the console's own requests. */
export function auditVendor(runtime: Runtime, entry: VendorAudit): Promise<void> {
  return recordAudit(runtime.db, runtime.log, entry);
}
