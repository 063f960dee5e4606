import { describe, expect, it } from 'vitest';
import { WORKLOAD_TICK_BYTES_MAX, WORKLOAD_TICKS_PER_WALL_SEC } from '@/engine/client';
import { asksBeforeStart, roughDuration, workloadLoad } from './workload-load';

const KiB = 1024;
const GiB = 1024 ** 3;

describe('workloadLoad', () => {
  it('says what a modest workload writes, simulated and real, and that it runs as asked', () => {
    const load = workloadLoad({ pattern: 'random', iops: 200, blockBytes: 64 * KiB, writePercent: 50 }, 1, GiB);
    expect(load.writeBytesPerSimSec).toBe(100 * 64 * KiB);
    expect(load.writeBytesPerWallSec).toBe(100 * 64 * KiB);
    expect(load.limitedToIops).toBeNull();
    expect(load.fillWallSec).toBeCloseTo(GiB / (100 * 64 * KiB));
    expect(asksBeforeStart(load)).toBe(false);
  });

  it('says the data plane holds back 2,000 IOPS × 256 KiB at 10× (5 GiB/s asked)', () => {
    const load = workloadLoad({ pattern: 'random', iops: 2_000, blockBytes: 256 * KiB, writePercent: 100 }, 10, 64 * GiB);
    expect(load.askedWriteBytesPerWallSec).toBe(2_000 * 10 * 256 * KiB);
    expect(load.writeBytesPerWallSec).toBe(WORKLOAD_TICK_BYTES_MAX * WORKLOAD_TICKS_PER_WALL_SEC);
    expect(load.limitedToIops).toBe((WORKLOAD_TICK_BYTES_MAX / (256 * KiB)) * (WORKLOAD_TICKS_PER_WALL_SEC / 10));
    // 40 MiB/s for an hour is more disk than the volume has unwritten: the form asks first.
    expect(load.diskBytesInHorizon).toBe(64 * GiB);
    expect(asksBeforeStart(load)).toBe(true);
    // A small volume can take only its own capacity, however fast it is written.
    expect(asksBeforeStart(workloadLoad({ pattern: 'random', iops: 2_000, blockBytes: 256 * KiB, writePercent: 100 }, 10, 256 * 1024 * KiB))).toBe(false);
  });

  it('writes nothing paused or read-only, so it fills nothing', () => {
    expect(workloadLoad({ pattern: 'random', iops: 100, blockBytes: 4 * KiB, writePercent: 100 }, 0, GiB).fillWallSec).toBeNull();
    expect(workloadLoad({ pattern: 'random', iops: 100, blockBytes: 4 * KiB, writePercent: 0 }, 10, GiB).fillWallSec).toBeNull();
  });

  it('words durations roughly', () => {
    expect(roughDuration(20)).toBe('20 s');
    expect(roughDuration(600)).toBe('10 min');
    expect(roughDuration(7_200)).toBe('2 h');
  });
});
