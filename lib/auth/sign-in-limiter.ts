// Sign-in throttling with rate-limiter-flexible: failed attempts are counted per username and per
// address; past the limit, sign-in is refused (even with the right password) until the block ends.
// Alone, counters are in memory; on PostgreSQL (several nodes) they are in the shared inventory,
// so a takeover or a second node does not hand an attacker a fresh allowance.
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export class SignInLimiter {
  readonly userLimit = limitFromEnv('GRAINLINE_SIGNIN_USER_LIMIT', 5);
  readonly addressLimit = limitFromEnv('GRAINLINE_SIGNIN_ADDRESS_LIMIT', 30);
  private readonly byUser: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  /** `pool`: the cluster's PostgreSQL (table signin_limits, made by its migrations). */
  constructor(pool: pg.Pool | null = null) {
    const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
      const options = { keyPrefix, points, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
      return pool === null
        ? new RateLimiterMemory(options)
        : new RateLimiterPostgres({
            ...options,
            storeClient: pool,
            storeType: 'pool',
            tableName: 'signin_limits',
            tableCreated: true,
            clearExpiredByTimeout: true,
          });
    };
    this.byUser = limiter('signin-user', this.userLimit);
    this.byAddress = limiter('signin-address', this.addressLimit);
  }

  private static userKey(username: string): string {
    return username.toLowerCase();
  }

  /** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
  async retryAfterSeconds(username: string, address: string): Promise<number> {
    const [user, peer] = await Promise.all([this.byUser.get(SignInLimiter.userKey(username)), this.byAddress.get(address)]);
    const waits = [blockedFor(user, this.userLimit), blockedFor(peer, this.addressLimit)];
    return Math.max(...waits);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    // consume() rejects once the limit is passed; that rejection is the block starting, not an error.
    await Promise.allSettled([this.byUser.consume(SignInLimiter.userKey(username)), this.byAddress.consume(address)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byUser.delete(SignInLimiter.userKey(username));
  }
}

function blockedFor(state: RateLimiterRes | null, limit: number): number {
  if (state === null || state.consumedPoints < limit) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
