// The audit trail: every state-changing request, with who, when, from where, what, and the outcome,
// refusals included. Kept in the event log (kind "audit") so the Events page shows it beside the
// state changes it caused.
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { recordEvent } from '../services/events';
import type { Principal } from './principal';

export type AuditOutcome = 'succeeded' | 'refused' | 'failed';

export interface AuditEntry {
  principal: Principal | null;
  /** Who the request claimed to be when nobody is signed in (a sign-in attempt's username). */
  claimedUser?: string;
  address: string;
  method: string;
  path: string;
  status: number;
  message?: string;
}

export const ANONYMOUS = 'anonymous';
const MAX_PATH_CHARS = 512;

export function outcomeOf(status: number): AuditOutcome {
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'succeeded';
}

export async function recordAudit(db: Db, log: Logger, entry: AuditEntry): Promise<void> {
  const actor = entry.principal?.username ?? entry.claimedUser ?? ANONYMOUS;
  const path = entry.path.slice(0, MAX_PATH_CHARS);
  const details = {
    method: entry.method,
    path,
    status: entry.status,
    outcome: outcomeOf(entry.status),
    address: entry.address,
    via: entry.principal ? (entry.principal.via === 'token' ? `token ${entry.principal.tokenName ?? ''}`.trim() : 'session') : 'none',
    ...(entry.principal ? { role: entry.principal.role } : {}),
    ...(entry.message !== undefined ? { message: entry.message.slice(0, 500) } : {}),
  };
  try {
    await recordEvent(db, { kind: 'audit', subjectType: 'request', subjectId: `${entry.method} ${path}`.slice(0, 600), actor: actor.slice(0, 128), details });
  } catch (error) {
    // The request's own work is done and acknowledged; losing its audit line is logged loudly.
    log.error({ err: error, audit: { actor, ...details } }, 'could not record an audit entry');
  }
}
