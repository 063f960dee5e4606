// The one registration point for the server's long-lived objects. Next compiles route handlers
// into their own module graph, so a module-level singleton in server.ts would not be the object
// route handlers see; globalThis under a well-known symbol is shared by both graphs.
import type { Server as SocketServer } from 'socket.io';
import type { Engine } from '../engine';
import type { Db } from './db/client';
import type { Logger } from './log';
import type { Persister } from './persist/persister';
import type { SignInLimiter } from './auth/sign-in-limiter';
import type { ThroughputHistory } from './realtime/throughput';
import type { VolumeSyncs } from './persist/volume-syncs';
import type { HostIoCounters } from './services/host-io-counters';
import { ApiError } from './http/api-error';

export interface Runtime {
  db: Db;
  engine: Engine;
  persister: Persister;
  log: Logger;
  io: SocketServer | null;
  startedAt: Date;
  auth: AuthRuntime;
  /** The last ten minutes of aggregate copy throughput (lib/realtime/throughput.ts). */
  throughput: ThroughputHistory;
  hostIo: HostIoRuntime;
}

/** The host data path's shared state: group-committed data syncs and per-volume counters. */
export interface HostIoRuntime {
  syncs: VolumeSyncs;
  counters: HostIoCounters;
}

export interface AuthRuntime {
  /** iron-session's key for session cookies (lib/auth/secret.ts). */
  sessionSecret: string;
  signInLimiter: SignInLimiter;
}

const RUNTIME_KEY = Symbol.for('grainline.runtime');

type RuntimeHolder = { [RUNTIME_KEY]?: Runtime };

export function registerRuntime(runtime: Runtime): void {
  (globalThis as RuntimeHolder)[RUNTIME_KEY] = runtime;
}

export function clearRuntime(): void {
  delete (globalThis as RuntimeHolder)[RUNTIME_KEY];
}

export function findRuntime(): Runtime | undefined {
  return (globalThis as RuntimeHolder)[RUNTIME_KEY];
}

export function getRuntime(): Runtime {
  const runtime = findRuntime();
  if (runtime === undefined) {
    throw new ApiError(503, 'the Grainline engine runtime is not running: start the console with `npm start` (server.ts), not `next start`');
  }
  return runtime;
}
