// The Copy Services Servers as the console shows them (seed 004): which node is primary, which
// are backups, since when, their last heartbeat, and the takeover history from the event log.
import type { NodeRuntime } from '../runtime';
import { readLease } from '../cluster/lease';
import type { VendorPortNumbers } from '../vendor/ports';

export const TAKEOVER_EVENT = 'cluster.takeover';
const TAKEOVERS_SHOWN = 50;

export type ServerRole = 'primary' | 'backup' | 'unreachable' | 'stopped';

export interface CopyServicesServerDto {
  id: string;
  name: string;
  url: string;
  role: ServerRole;
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
  /** Its SVC REST, SVC SSH and NBD ports (null: off); a backup relays them to the primary. */
  vendorPorts: VendorPortNumbers;
  /** The node this response came from (the one the browser is connected to). */
  thisNode: boolean;
}

export interface TakeoverDto {
  time: string;
  node: string;
  previous: string | null;
  epoch: number;
  /** From the old holder's last lease expiry to the new primary serving. */
  tookMs: number | null;
}

export interface ClusterDto {
  mode: 'single' | 'cluster';
  thisNode: { id: string; name: string; role: string };
  /** The clock every timestamp here is on (the database's in a cluster), so a browser can allow for its own clock's error. */
  now: string;
  leaseMs: number | null;
  lease: { holderId: string | null; holderName: string | null; epoch: number; acquiredAt: string | null; expiresAt: string | null } | null;
  servers: CopyServicesServerDto[];
  takeovers: TakeoverDto[];
}

/** A node that has not beaten for this many lease periods is shown unreachable. */
const SILENT_LEASES = 1;

interface NodeRow {
  id: string;
  name: string;
  url: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  svcRestPort: number | null;
  svcSshPort: number | null;
  nbdPort: number | null;
  now: Date;
}

export async function clusterStatus(node: NodeRuntime): Promise<ClusterDto> {
  const { cluster } = node;
  const thisNode = { id: cluster.node.id, name: cluster.node.name, role: cluster.role() };
  if (cluster.mode === 'single' || cluster.membership === null) {
    const startedAt = node.startedAt.toISOString();
    return {
      mode: 'single',
      thisNode,
      now: new Date().toISOString(),
      leaseMs: null,
      lease: null,
      servers: [
        {
          id: cluster.node.id,
          name: cluster.node.name,
          url: cluster.node.url,
          role: 'primary',
          startedAt,
          heartbeatAt: new Date().toISOString(),
          stoppedAt: null,
          vendorPorts: cluster.node.vendorPorts,
          thisNode: true,
        },
      ],
      takeovers: [],
    };
  }
  const leaseMs = cluster.leaseMs ?? 0;
  const pool = cluster.membership.pool;
  const [lease, nodes, takeovers] = await Promise.all([
    readLease(pool),
    pool.query<NodeRow>(
      `SELECT id, name, url, "startedAt", "heartbeatAt", "stoppedAt", "svcRestPort", "svcSshPort", "nbdPort", clock_timestamp() AS now
       FROM "ClusterNode" ORDER BY "startedAt" DESC LIMIT 50`,
    ),
    node.db.event.findMany({ where: { kind: TAKEOVER_EVENT }, orderBy: { time: 'desc' }, take: TAKEOVERS_SHOWN }),
  ]);
  const holderLive = lease !== null && lease.holderId !== null && lease.expiresAt !== null && lease.expiresAt > lease.now;
  const servers = nodes.rows
    // Old stopped members drop off the list after a day; the event log keeps their takeovers.
    .filter((row) => row.stoppedAt === null || row.now.getTime() - row.stoppedAt.getTime() < 24 * 3600_000)
    .map((row): CopyServicesServerDto => {
      let role: ServerRole;
      if (holderLive && lease?.holderId === row.id) role = 'primary';
      else if (row.stoppedAt !== null) role = 'stopped';
      else if (row.now.getTime() - row.heartbeatAt.getTime() > leaseMs * SILENT_LEASES) role = 'unreachable';
      else role = 'backup';
      return {
        id: row.id,
        name: row.name,
        url: row.url,
        role,
        startedAt: row.startedAt.toISOString(),
        heartbeatAt: row.heartbeatAt.toISOString(),
        stoppedAt: row.stoppedAt?.toISOString() ?? null,
        vendorPorts: { svcRest: row.svcRestPort, svcSsh: row.svcSshPort, nbd: row.nbdPort },
        thisNode: row.id === cluster.node.id,
      };
    });
  const holderName = nodes.rows.find((row) => row.id === lease?.holderId)?.name ?? null;
  return {
    mode: 'cluster',
    thisNode,
    now: (nodes.rows[0]?.now ?? lease?.now ?? new Date()).toISOString(),
    leaseMs,
    lease:
      lease === null
        ? null
        : {
            holderId: lease.holderId,
            holderName,
            epoch: lease.epoch,
            acquiredAt: lease.acquiredAt?.toISOString() ?? null,
            expiresAt: lease.expiresAt?.toISOString() ?? null,
          },
    servers,
    takeovers: takeovers.map((event) => {
      const details = (event.details ?? {}) as { node?: string; previous?: string | null; epoch?: number; tookMs?: number | null };
      return {
        time: event.time.toISOString(),
        node: details.node ?? event.subjectId,
        previous: details.previous ?? null,
        epoch: details.epoch ?? 0,
        tookMs: details.tookMs ?? null,
      };
    }),
  };
}
