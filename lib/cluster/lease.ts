// The engine lease in PostgreSQL: whoever holds the "engine" row unexpired is the primary Copy
// Services Server (seed 004) and the only node that runs the engine.
//
// Fencing, in two layers:
// - In the database: `epoch` grows at every change of holder, and every save the primary makes
//   first takes a share lock on the lease row and checks it still holds that epoch
//   (`fenceInTransaction`). A taker's UPDATE waits for such a save to commit, and a save after
//   a takeover finds another epoch and is refused: an old primary cannot overwrite the new one's state.
// - On this node: the primary may write (tick, host writes, saves) only until its local deadline,
//   renewal time + lease − margin on the monotonic clock. Expiry in the database is judged on the
//   database's clock at renewal time + lease, so the old primary's deadline passes before anyone
//   can take the lease. A node past its deadline stops for good (`onLost`): it never writes again.
import pg from 'pg';

export const LEASE_ID = 'engine';

export interface LeaseTiming {
  /** How long a renewal holds the lease: the bound on how long a dead primary keeps it. */
  leaseMs: number;
  /** How often the holder renews and backups try to take it. */
  renewEveryMs: number;
  /** How long before the database's expiry the holder stops writing. */
  marginMs: number;
}

export function leaseTiming(leaseMs: number): LeaseTiming {
  return { leaseMs, renewEveryMs: Math.max(100, Math.floor(leaseMs / 5)), marginMs: Math.max(200, Math.floor(leaseMs / 5)) };
}

export interface LeaseHolding {
  epoch: number;
  /** The holder before us (null on a fresh database) and how long its lease had been expired. */
  previousHolderId: string | null;
  /** When the previous holder's lease ran out (database clock, ms since epoch); null on a fresh lease. */
  previousExpiresAtMs: number | null;
}

export interface LeaseRow {
  holderId: string | null;
  epoch: number;
  expiresAt: Date | null;
  acquiredAt: Date | null;
  /** The database's clock when the row was read: expiry is judged on it, not on ours. */
  now: Date;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function readLease(db: Queryable): Promise<LeaseRow | null> {
  const result = await db.query<{ holderId: string | null; epoch: number; expiresAt: Date | null; acquiredAt: Date | null; now: Date }>(
    `SELECT "holderId", epoch, "expiresAt", "acquiredAt", clock_timestamp() AS now FROM "ClusterLease" WHERE id = $1`,
    [LEASE_ID],
  );
  return result.rows[0] ?? null;
}

/**
 * Takes the lease if it is free or expired (or already ours), in one statement the database
 * serialises. Returns the holding, or null when another node holds it unexpired.
 */
export async function tryAcquire(db: Queryable, nodeId: string, leaseMs: number): Promise<LeaseHolding | null> {
  await db.query(`INSERT INTO "ClusterLease" (id, epoch) VALUES ($1, 0) ON CONFLICT (id) DO NOTHING`, [LEASE_ID]);
  const result = await db.query<{ epoch: number; previous: string | null; previousExpiresAt: Date | null }>(
    `UPDATE "ClusterLease" AS l
        SET "holderId" = $2, epoch = l.epoch + 1, "acquiredAt" = clock_timestamp(),
            "expiresAt" = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
       FROM (SELECT "holderId" AS previous, "expiresAt" AS "previousExpiresAt" FROM "ClusterLease" WHERE id = $1 FOR UPDATE) AS before
      WHERE l.id = $1 AND (l."holderId" IS NULL OR l."expiresAt" IS NULL OR l."expiresAt" < clock_timestamp())
      RETURNING l.epoch, before.previous, before."previousExpiresAt"`,
    [LEASE_ID, nodeId, leaseMs],
  );
  const row = result.rows[0];
  if (row === undefined) return null;
  return { epoch: row.epoch, previousHolderId: row.previous, previousExpiresAtMs: row.previousExpiresAt?.getTime() ?? null };
}

/** Extends our lease; false when it is no longer ours (taken, or the epoch moved on). */
export async function renew(db: Queryable, nodeId: string, epoch: number, leaseMs: number): Promise<boolean> {
  const result = await db.query(
    `UPDATE "ClusterLease" SET "expiresAt" = clock_timestamp() + make_interval(secs => $4::double precision / 1000)
      WHERE id = $1 AND "holderId" = $2 AND epoch = $3`,
    [LEASE_ID, nodeId, epoch, leaseMs],
  );
  return result.rowCount === 1;
}

/** Gives the lease up at a clean stop, so a backup need not wait for it to expire. */
export async function release(db: Queryable, nodeId: string, epoch: number): Promise<void> {
  await db.query(`UPDATE "ClusterLease" SET "expiresAt" = clock_timestamp() WHERE id = $1 AND "holderId" = $2 AND epoch = $3`, [LEASE_ID, nodeId, epoch]);
}
