// Sign-in throttling with rate-limiter-flexible: failed attempts are counted per username and per
// address; past the limit, sign-in is refused (even with the right password) until the block ends.
// Counters are in memory: each node of a multi-node install limits on its own.
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export class SignInLimiter {
  readonly userLimit = limitFromEnv('GRAINLINE_SIGNIN_USER_LIMIT', 5);
  readonly addressLimit = limitFromEnv('GRAINLINE_SIGNIN_ADDRESS_LIMIT', 30);
  private readonly byUser = new RateLimiterMemory({
    keyPrefix: 'signin-user',
    points: this.userLimit,
    duration: WINDOW_SECONDS,
    blockDuration: WINDOW_SECONDS,
  });
  private readonly byAddress = new RateLimiterMemory({
    keyPrefix: 'signin-address',
    points: this.addressLimit,
    duration: WINDOW_SECONDS,
    blockDuration: WINDOW_SECONDS,
  });

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
