// What a /devmgr/v2 route handler receives and returns.
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../auth/principal';
import type { Runtime } from '../../runtime';
import type { Actor } from '../../services/run-command';

export interface SantricityContext {
  runtime: Runtime;
  req: IncomingMessage;
  /** Path parameters by name (ssid, volumeId, jobId), percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  principal: Principal;
  actor: Actor;
}

export interface Reply {
  status: number;
  /** JSON to send; none for 204. */
  body?: unknown;
  /** For the audit line of a change: what was done, or why it was refused. */
  message?: string;
  headers?: Record<string, string>;
}

export type Handler = (context: SantricityContext) => Promise<Reply>;

export function ok(body: unknown, message?: string): Reply {
  return { status: 200, body, ...(message === undefined ? {} : { message }) };
}

/** A path parameter the route pattern guarantees. */
export function param(context: SantricityContext, name: string): string {
  const value = context.params[name];
  if (value === undefined) throw new Error(`route has no :${name} parameter`);
  return value;
}
