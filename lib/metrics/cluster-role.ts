// This node's part in a cluster, as the metrics report it: primary or backup, and whether it holds
// the lease that lets it run the engine. A single node is the primary and holds the engine, which
// is the default; the cluster module replaces the source once it decides the role
// (setClusterRoleSource). Read at every scrape, so the answer is never older than the scrape.
import { Gauge, type Registry } from 'prom-client';

export const NODE_ROLES = ['primary', 'backup'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export interface ClusterRole {
  role: NodeRole;
  leaseHeld: boolean;
  /** Until the held lease lapses unless renewed; null when there is no lease to lapse (one node, or not held). */
  leaseExpiresInMs: number | null;
}

export type ClusterRoleSource = () => ClusterRole;

export const SINGLE_NODE_ROLE: ClusterRole = Object.freeze({ role: 'primary', leaseHeld: true, leaseExpiresInMs: null });

// On globalThis, like the runtime (lib/runtime.ts): whichever module graph the cluster code loads
// in, the scrape in server.ts reads the source it set.
const SOURCE_KEY = Symbol.for('grainline.metrics.clusterRoleSource');
type SourceHolder = { [SOURCE_KEY]?: ClusterRoleSource };

/** Where the metrics read this node's role from; `null` puts the single-node default back. */
export function setClusterRoleSource(source: ClusterRoleSource | null): void {
  if (source === null) delete (globalThis as SourceHolder)[SOURCE_KEY];
  else (globalThis as SourceHolder)[SOURCE_KEY] = source;
}

export function currentClusterRole(): ClusterRole {
  const source = (globalThis as SourceHolder)[SOURCE_KEY];
  return source === undefined ? SINGLE_NODE_ROLE : source();
}

export function registerClusterRoleMetrics(registry: Registry): void {
  new Gauge({
    name: 'grainline_node_role',
    help: "1 for this node's role in the cluster (primary runs the engine), 0 for the other",
    labelNames: ['role'],
    registers: [registry],
    collect() {
      const { role: current } = currentClusterRole();
      for (const role of NODE_ROLES) this.set({ role }, role === current ? 1 : 0);
    },
  });
  new Gauge({
    name: 'grainline_lease_held',
    help: '1 when this node holds the primary lease (it may run the engine and save), else 0',
    registers: [registry],
    collect() {
      this.set(currentClusterRole().leaseHeld ? 1 : 0);
    },
  });
  new Gauge({
    name: 'grainline_lease_expires_in_seconds',
    // Labelled by role so that it can be absent: prom-client always shows an unlabelled gauge.
    help: 'Time until the lease lapses unless renewed, labelled by this node role (absent when no lease can lapse)',
    labelNames: ['role'],
    registers: [registry],
    collect() {
      const { role, leaseExpiresInMs } = currentClusterRole();
      this.reset();
      if (leaseExpiresInMs !== null) this.set({ role }, leaseExpiresInMs / 1000);
    },
  });
}
