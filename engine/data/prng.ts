// A small seeded PRNG (xoshiro128**, seeded through splitmix32) so simulations and tests replay
// exactly from a seed. Not for anything secret.
import assert from 'node:assert';

const TWO_POW_32 = 2 ** 32;
const TWO_POW_53 = 2 ** 53;
/** Rejection sampling rejects under half the draws, so this bound is never reached in practice. */
const DRAWS_MAX = 1_000;

export type PrngState = readonly [number, number, number, number];

export class Prng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    assert(Number.isSafeInteger(seed), 'prng seed must be a safe integer');
    // splitmix32 spreads any seed (0 included) over the state, which must not be all zeros.
    let mix = (seed ^ Math.floor(seed / TWO_POW_32)) >>> 0;
    const next = (): number => {
      mix = (mix + 0x9e3779b9) >>> 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    assert((this.s0 | this.s1 | this.s2 | this.s3) !== 0);
  }

  /** A generator resumed from a saved state (see state()), e.g. a simulated workload's checkpoint. */
  static fromState(state: PrngState): Prng {
    assert(
      state.every((word) => Number.isInteger(word) && word >= 0 && word < TWO_POW_32),
      'prng state words must be u32',
    );
    assert(
      state.some((word) => word !== 0),
      'prng state must not be all zeros',
    );
    const prng = new Prng(0);
    [prng.s0, prng.s1, prng.s2, prng.s3] = state;
    return prng;
  }

  state(): PrngState {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** A uniform integer in [0, 2^32). */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 32 bits of randomness. */
  float(): number {
    return this.u32() / TWO_POW_32;
  }

  /** A uniform integer in [0, limit), unbiased, for any safe integer limit >= 1. */
  int(limit: number): number {
    assert(Number.isSafeInteger(limit) && limit >= 1, 'prng int limit must be a positive safe integer');
    if (limit <= TWO_POW_32) return this.below(limit, TWO_POW_32, () => this.u32());
    return this.below(limit, TWO_POW_53, () => (this.u32() >>> 11) * TWO_POW_32 + this.u32());
  }

  /** A uniform integer in [min, maxExclusive). */
  range(min: number, maxExclusive: number): number {
    assert(maxExclusive > min, 'prng range must not be empty');
    return min + this.int(maxExclusive - min);
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    assert(probability >= 0 && probability <= 1, 'prng probability must be within [0, 1]');
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    assert(items.length > 0, 'prng cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Fills bytes with random data, four bytes per draw. */
  fill(bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const wholeBytes = bytes.byteLength - (bytes.byteLength % 4);
    for (let index = 0; index < wholeBytes; index += 4) view.setUint32(index, this.u32(), true);
    for (let index = wholeBytes; index < bytes.byteLength; index += 1) bytes[index] = this.u32() & 0xff;
  }

  private below(limit: number, span: number, draw: () => number): number {
    // Draws at or above the largest multiple of limit would favour small results: draw again.
    const acceptMax = span - (span % limit);
    for (let attempt = 0; attempt < DRAWS_MAX; attempt += 1) {
      const value = draw();
      if (value < acceptMax) return value % limit;
    }
    assert.fail('prng rejection sampling did not terminate');
  }
}

function rotl(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}
