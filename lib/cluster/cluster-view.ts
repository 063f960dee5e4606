// What the rest of the node may ask about the cluster, the same shape in both modes: alone on
// SQLite this node is always the primary; on PostgreSQL the lease decides (membership.ts).
import type { Membership, NodeIdentity, NodeRole } from './membership';

export interface ClusterView {
  mode: 'single' | 'cluster';
  node: NodeIdentity;
  leaseMs: number | null;
  role: () => NodeRole;
  leaseLeftMs: () => number;
  membership: Membership | null;
}

export function singleNodeView(node: NodeIdentity): ClusterView {
  return { mode: 'single', node, leaseMs: null, role: () => 'primary', leaseLeftMs: () => 0, membership: null };
}

export function clusterView(membership: Membership, leaseMs: number): ClusterView {
  return {
    mode: 'cluster',
    node: membership.node,
    leaseMs,
    role: () => membership.role,
    leaseLeftMs: () => membership.leaseLeftMs(),
    membership,
  };
}
