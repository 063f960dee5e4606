import { describe, expect, it } from 'vitest';
import { ThroughputHistory } from './throughput';

const MIB = 1024 * 1024;

describe('ThroughputHistory', () => {
  it('turns cumulative copied bytes into a rate over simulated time', () => {
    const history = new ThroughputHistory(10);
    expect(history.record(0, 0, 0).bytesPerSec).toBe(0);
    // 10× speed: one wall second is ten simulated seconds, in which 640 MiB were copied.
    expect(history.record(1_000, 10_000, 640 * MIB).bytesPerSec).toBe(64 * MIB);
  });

  it('reads 0 while paused (no simulated time passed) and keeps only the newest samples', () => {
    const history = new ThroughputHistory(3);
    history.record(0, 0, 0);
    history.record(1_000, 1_000, MIB);
    expect(history.record(2_000, 1_000, MIB).bytesPerSec).toBe(0);
    history.record(3_000, 2_000, 2 * MIB);
    const samples = history.samples();
    expect(samples).toHaveLength(3);
    expect(samples.map((sample) => sample.bytesPerSec)).toEqual([MIB, 0, MIB]);
    expect(samples[2]?.time).toBe(new Date(3_000).toISOString());
  });
});
