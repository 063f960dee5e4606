// The database half of fencing (lease.ts): a save checks, inside its own transaction, that this
// node still holds the lease at the epoch it took it with. The share lock makes a concurrent
// takeover wait for this save to commit; after a takeover the check fails and nothing is written.
import type { Prisma } from '../db/generated/client';
import { LEASE_ID } from './lease';

export class FencedError extends Error {
  constructor(epoch: number) {
    super(`this node no longer holds the engine lease at epoch ${epoch}: it may not save`);
    this.name = 'FencedError';
  }
}

export function leaseFence(nodeId: string, epoch: number, onFenced: () => void): (tx: Prisma.TransactionClient) => Promise<void> {
  return async (tx) => {
    const rows = await tx.$queryRaw<
      { epoch: number }[]
    >`SELECT epoch FROM "ClusterLease" WHERE id = ${LEASE_ID} AND "holderId" = ${nodeId} AND epoch = ${epoch} FOR SHARE`;
    if (rows.length === 0) {
      onFenced();
      throw new FencedError(epoch);
    }
  };
}
