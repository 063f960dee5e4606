// How the console names a Copy Services Server's role: the table's badge and its order, and the
// header's "which node am I on" text. A node reports its own role (membership.ts: starting, backup,
// primary, fenced, stopped); the servers table gives every node's role as the inventory sees it
// (lib/services/cluster.ts: primary, backup, unreachable, stopped).
import type { ClusterDto, ServerRole } from '@/lib/services/cluster';

/** Sorting by role puts the primary first, then the nodes ready to take over, then the rest. */
const ROLE_RANK: Record<ServerRole, number> = { primary: 0, backup: 1, unreachable: 2, stopped: 3 };

export function serverRoleRank(role: ServerRole): number {
  return ROLE_RANK[role];
}

export const SERVER_ROLE_DESCRIPTIONS: Record<ServerRole, string> = {
  primary: 'Holds the engine lease: runs the copy engine and serves every command',
  backup: 'Heartbeating; forwards commands to the primary and takes over if its lease runs out',
  unreachable: 'Has not heartbeaten within one lease period',
  stopped: 'Shut down cleanly',
};

/** What the header says about the node this browser is connected to: "css-b · backup", or "Single node". */
export function thisNodeLabel(cluster: Pick<ClusterDto, 'mode' | 'thisNode'>): string {
  return cluster.mode === 'single' ? 'Single node' : `${cluster.thisNode.name} · ${cluster.thisNode.role}`;
}

/** The page's one-line summary: how many nodes can serve, how many are silent, and who is primary. */
export function clusterSummary(cluster: Pick<ClusterDto, 'mode' | 'servers'>): string {
  if (cluster.mode === 'single') return 'One console node on SQLite.';
  const count = (role: ServerRole) => cluster.servers.filter((server) => server.role === role).length;
  const running = count('primary') + count('backup');
  const unreachable = count('unreachable');
  const nodes = `${running} ${running === 1 ? 'node' : 'nodes'} running${unreachable === 0 ? '' : `, ${unreachable} unreachable`}`;
  const primary = cluster.servers.find((server) => server.role === 'primary');
  return primary === undefined ? `${nodes}; no primary holds the lease right now.` : `${nodes}; ${primary.name} is the primary.`;
}
