// This node's place in the cluster: it heartbeats its ClusterNode row, and either renews the
// engine lease (primary) or tries to take it (backup). See lease.ts for the fencing rules.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { VendorPortNumbers } from '../vendor/ports';
import type { Logger } from '../log';
import { leaseTiming, release, renew, tryAcquire, type LeaseHolding, type LeaseTiming } from './lease';

export type NodeRole = 'starting' | 'backup' | 'primary' | 'fenced' | 'stopped';

export interface NodeIdentity {
  id: string;
  name: string;
  /** Base URL the other nodes forward to. */
  url: string;
  /** Where clients reach this node's vendor protocols (shown on the Copy Services Servers page). */
  vendorPorts: VendorPortNumbers;
}

export interface MembershipOptions {
  pool: pg.Pool;
  node: NodeIdentity;
  leaseMs: number;
  log: Logger;
  /** Start the engine side; the lease is held and renewed meanwhile. */
  onBecomePrimary: (holding: LeaseHolding) => Promise<void>;
  /** The lease is gone while we were primary: stop before writing anything else. */
  onLost: (reason: string) => void;
}

export class Membership {
  readonly timing: LeaseTiming;
  private roleNow: NodeRole = 'starting';
  private holding: LeaseHolding | null = null;
  /** performance.now() until which the primary may write; 0 when not primary. */
  private writeDeadline = 0;
  private timer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private busy = false;
  private primaryCache: { url: string | null; atMs: number } = { url: null, atMs: 0 };

  constructor(private readonly options: MembershipOptions) {
    this.timing = leaseTiming(options.leaseMs);
  }

  get role(): NodeRole {
    return this.roleNow;
  }

  get node(): NodeIdentity {
    return this.options.node;
  }

  get pool(): pg.Pool {
    return this.options.pool;
  }

  /** Whether this node may write now: primary, and inside its lease by its own clock. */
  mayWrite(): boolean {
    if (this.roleNow !== 'primary') return false;
    if (performance.now() < this.writeDeadline) return true;
    this.lose('the lease could not be renewed in time');
    return false;
  }

  /** Milliseconds of lease left by this node's clock (primary), for metrics and the panel. */
  leaseLeftMs(): number {
    return this.roleNow === 'primary' ? Math.max(0, Math.round(this.writeDeadline - performance.now())) : 0;
  }

  async start(): Promise<void> {
    const { pool, node } = this.options;
    await pool.query(
      `INSERT INTO "ClusterNode" (id, name, url, "startedAt", "heartbeatAt", "svcRestPort", "svcSshPort", "nbdPort")
       VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp(), $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = $2, url = $3, "heartbeatAt" = clock_timestamp(), "stoppedAt" = NULL`,
      [node.id, node.name, node.url, node.vendorPorts.svcRest, node.vendorPorts.svcSsh, node.vendorPorts.nbd],
    );
    // An earlier run of this node (same name) that never said goodbye is over: it restarted as this one.
    await pool.query(`UPDATE "ClusterNode" SET "stoppedAt" = clock_timestamp() WHERE name = $1 AND id <> $2 AND "stoppedAt" IS NULL`, [node.name, node.id]);
    this.roleNow = 'backup';
    await this.beat();
    this.timer = setInterval(() => void this.beat(), this.timing.renewEveryMs);
    this.watchdog = setInterval(() => void this.mayWrite(), Math.max(50, Math.floor(this.timing.marginMs / 4)));
  }

  /** The primary's base URL (ours when we are primary), read from the lease at most every renewal period. */
  async primaryUrl(): Promise<string | null> {
    if (this.roleNow === 'primary') return this.options.node.url;
    const nowMs = Date.now();
    if (nowMs - this.primaryCache.atMs < this.timing.renewEveryMs) return this.primaryCache.url;
    const result = await this.options.pool.query<{ url: string }>(
      `SELECT n.url FROM "ClusterLease" l JOIN "ClusterNode" n ON n.id = l."holderId" WHERE l.id = 'engine' AND l."expiresAt" > clock_timestamp()`,
    );
    this.primaryCache = { url: result.rows[0]?.url ?? null, atMs: nowMs };
    return this.primaryCache.url;
  }

  private async beat(): Promise<void> {
    if (this.busy || this.roleNow === 'fenced' || this.roleNow === 'stopped') return;
    this.busy = true;
    const { pool, node, leaseMs, log } = this.options;
    try {
      await pool.query(`UPDATE "ClusterNode" SET "heartbeatAt" = clock_timestamp() WHERE id = $1`, [node.id]);
      if (this.roleNow === 'primary' && this.holding !== null) {
        const sentAt = performance.now();
        if (await renew(pool, node.id, this.holding.epoch, leaseMs)) this.writeDeadline = sentAt + leaseMs - this.timing.marginMs;
        else this.lose('another node holds the lease');
        return;
      }
      if (this.roleNow !== 'backup') return;
      const sentAt = performance.now();
      const holding = await tryAcquire(pool, node.id, leaseMs);
      if (holding === null) return;
      this.holding = holding;
      this.writeDeadline = sentAt + leaseMs - this.timing.marginMs;
      this.roleNow = 'primary';
      log.info({ epoch: holding.epoch, previous: holding.previousHolderId }, 'took the engine lease: this node is the primary Copy Services Server');
      // Renewals go on (this.busy is cleared below) while the engine side loads.
      setImmediate(() => {
        this.options.onBecomePrimary(holding).catch((error: unknown) => {
          log.fatal({ err: error }, 'could not start the engine after taking the lease');
          this.lose('the engine did not start');
        });
      });
    } catch (error) {
      // The database is unreachable: a primary keeps its deadline (the watchdog fences it), a backup retries.
      log.warn({ err: error, role: this.roleNow }, 'cluster heartbeat failed');
    } finally {
      this.busy = false;
    }
  }

  private lose(reason: string): void {
    if (this.roleNow !== 'primary') return;
    this.roleNow = 'fenced';
    this.writeDeadline = 0;
    this.options.log.error({ reason, epoch: this.holding?.epoch }, 'lost the engine lease: this node stops writing');
    this.options.onLost(reason);
  }

  /** A clean stop: give the lease up at once so a backup need not wait for it to expire. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.watchdog !== null) clearInterval(this.watchdog);
    const wasPrimary = this.roleNow === 'primary' && this.holding !== null;
    this.roleNow = 'stopped';
    const { pool, node } = this.options;
    if (wasPrimary && this.holding !== null) await release(pool, node.id, this.holding.epoch).catch(() => undefined);
    await pool.query(`UPDATE "ClusterNode" SET "stoppedAt" = clock_timestamp() WHERE id = $1`, [node.id]).catch(() => undefined);
  }
}
