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
import type { ClusterView } from './cluster/cluster-view';

/**
 * What every console node has, primary or backup (seed 004's Copy Services Servers): the
 * inventory, sign-in, socket.io and its place in the cluster. Pages and node-level routes
 * (/api/health, /api/cluster) need only this.
 */
export interface NodeRuntime {
  db: Db;
  log: Logger;
  io: SocketServer | null;
  startedAt: Date;
  auth: AuthRuntime;
  cluster: ClusterView;
}

/** The primary's runtime: the node's, plus the engine and what runs beside it. */
export interface Runtime extends NodeRuntime {
  engine: Engine;
  persister: Persister;
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
const NODE_KEY = Symbol.for('grainline.node');

type RuntimeHolder = { [RUNTIME_KEY]?: Runtime; [NODE_KEY]?: NodeRuntime };

export function registerRuntime(runtime: Runtime): void {
  (globalThis as RuntimeHolder)[RUNTIME_KEY] = runtime;
}

export function clearRuntime(): void {
  delete (globalThis as RuntimeHolder)[RUNTIME_KEY];
}

export function registerNode(node: NodeRuntime): void {
  (globalThis as RuntimeHolder)[NODE_KEY] = node;
}

/** This node's runtime: the primary's when the engine runs here, else the node's own. */
export function findNode(): NodeRuntime | undefined {
  return findRuntime() ?? (globalThis as RuntimeHolder)[NODE_KEY];
}

export function getNode(): NodeRuntime {
  const node = findNode();
  if (node === undefined) {
    throw new ApiError(503, 'the Grainline node runtime is not running: start the console with `npm start` (server.ts), not `next start`');
  }
  return node;
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
