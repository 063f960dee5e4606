// A console node on PostgreSQL: it joins the cluster (membership.ts), shares socket.io pushes with
// the other nodes through PostgreSQL (@socket.io/postgres-adapter), forwards what needs the engine
// to the primary while it is a backup, and starts the engine side when it takes the lease.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type net from 'node:net';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server as SocketServer } from 'socket.io';
import { recordAudit } from '../auth/audit';
import type { EngineSide, EngineSideOptions } from '../engine-side';
import type { Logger } from '../log';
import { setClusterRoleSource } from '../metrics/cluster-role';
import { registerNode, type NodeRuntime } from '../runtime';
import { recordEvent } from '../services/events';
import { TAKEOVER_EVENT } from '../services/cluster';
import { leaseMsFromEnv, nodeIdentity } from './config';
import { clusterView } from './cluster-view';
import { leaseFence } from './fence';
import { FORWARDED_BY_HEADER } from './forwarded-peer';
import { forwardToPrimary, refuseNotPrimary, type ForwardContext } from './forward';
import type { LeaseHolding } from './lease';
import { Membership } from './membership';
import { needsPrimary } from './routing';
import { relayToPrimary } from './vendor-relay';
import type { VendorPortNumbers } from '../vendor/ports';
import type { VendorSurface } from '../vendor/start';
import { WatchRelay } from './watch-relay';

/** Exit code of a node that lost the lease: EX_TEMPFAIL, a supervisor restarts it as a backup. */
export const LOST_LEASE_EXIT_CODE = 75;

export interface ClusterNode {
  nodeRuntime: NodeRuntime;
  /** Whether the request was taken care of here (forwarded or refused); false: serve it locally. */
  route: (req: IncomingMessage, res: ServerResponse, engineReady: boolean) => boolean;
  /** A vendor-protocol connection (SVC REST, SVC SSH, NBD) to a backup goes to the primary. */
  relay: (surface: VendorSurface, socket: net.Socket) => void;
  stop: () => Promise<void>;
}

export interface ClusterNodeOptions {
  pool: pg.Pool;
  port: number;
  vendorPorts: VendorPortNumbers;
  node: Omit<NodeRuntime, 'cluster'>;
  log: Logger;
  startEngine: (node: NodeRuntime, fencing: Pick<EngineSideOptions, 'fence' | 'mayWrite' | 'cluster'>) => Promise<EngineSide>;
  onEngineStarted: (side: EngineSide) => void;
}

export function clusterPoolOf(url: string, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  pool.on('error', (error) => log.warn({ err: error }, 'PostgreSQL connection error (cluster pool)'));
  return pool;
}

export async function startClusterNode(options: ClusterNodeOptions): Promise<ClusterNode> {
  const { log } = options;
  const identity = nodeIdentity(options.port, options.vendorPorts);
  const leaseMs = leaseMsFromEnv();
  const { pool } = options;
  const io = options.node.io as SocketServer;
  io.adapter(createAdapter(pool, { heartbeatInterval: 2_000, heartbeatTimeout: Math.max(5_000, 2 * leaseMs) }));
  const watchRelay = new WatchRelay(io, log);

  let nodeRuntime: NodeRuntime | null = null;
  const onLost = (reason: string) => {
    // Fencing's last word: a node that lost the lease must not write again, so it ends here
    // without the clean stop's saves and flushes. Acknowledged writes were already durable.
    log.fatal({ reason }, 'stopping: this node lost the engine lease');
    process.exit(LOST_LEASE_EXIT_CODE);
  };
  const onBecomePrimary = async (holding: LeaseHolding) => {
    if (nodeRuntime === null) throw new Error('the node runtime is not registered yet');
    const side = await options.startEngine(nodeRuntime, {
      fence: leaseFence(identity.id, holding.epoch, () => onLost(`a save found the lease at another epoch than ${holding.epoch}`)),
      mayWrite: () => membership.mayWrite(),
      cluster: { onLivePush: (livePush) => watchRelay.serve(livePush) },
    });
    options.onEngineStarted(side);
    await recordRoleChange(nodeRuntime, identity.name, holding, leaseMs);
  };
  const membership = new Membership({ pool, node: identity, leaseMs, log, onBecomePrimary, onLost });
  nodeRuntime = { ...options.node, cluster: clusterView(membership, leaseMs) };
  registerNode(nodeRuntime);
  setClusterRoleSource(() => {
    const primary = membership.role === 'primary';
    return { role: primary ? 'primary' : 'backup', leaseHeld: primary, leaseExpiresInMs: primary ? membership.leaseLeftMs() : null };
  });
  await membership.start();

  const forwarding: ForwardContext = {
    nodeId: identity.id,
    secret: options.node.auth.sessionSecret,
    log,
    primaryUrl: () => membership.primaryUrl(),
    // A command arriving during a takeover waits for the new primary rather than failing.
    waitMs: 3 * leaseMs + 30_000,
  };
  return {
    nodeRuntime,
    route(req, res, engineReady) {
      if (!needsPrimary(req.url ?? '/')) return false;
      if (membership.role === 'primary' && engineReady) return false;
      if (req.headers[FORWARDED_BY_HEADER] !== undefined) {
        refuseNotPrimary(res);
        return true;
      }
      void forwardToPrimary(req, res, forwarding);
      return true;
    },
    relay: (surface, socket) => relayToPrimary(surface, socket, forwarding),
    async stop() {
      await membership.stop();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The event log says who is primary since when (every takeover); the audit trail has the role change. */
async function recordRoleChange(node: NodeRuntime, name: string, holding: LeaseHolding, leaseMs: number): Promise<void> {
  const previous = holding.previousHolderId;
  const tookMs = holding.previousExpiresAtMs === null ? null : Math.max(0, Date.now() - (holding.previousExpiresAtMs - leaseMs));
  const previousName = previous === null ? null : ((await node.db.clusterNode.findUnique({ where: { id: previous } }))?.name ?? previous);
  await recordEvent(node.db, {
    kind: TAKEOVER_EVENT,
    subjectType: 'node',
    subjectId: node.cluster.node.id,
    actor: 'system',
    details: { node: name, previous: previousName, epoch: holding.epoch, tookMs },
  });
  await recordAudit(node.db, node.log, {
    principal: null,
    claimedUser: 'system',
    address: node.cluster.node.url,
    method: 'LEASE',
    path: `/cluster/lease: ${name} became the primary Copy Services Server (epoch ${holding.epoch}${previousName === null ? '' : `, was ${previousName}`})`,
    status: 200,
  });
}
