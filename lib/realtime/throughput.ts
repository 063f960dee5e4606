// The fleet's aggregate copy throughput, sampled once a wall-clock second and kept for ten minutes:
// the dashboard's chart. The rate is in simulated bytes per simulated second, the unit every
// copy's own rate is shown in, so at 100× the chart reads like a real array's would; paused, it is 0.

export const THROUGHPUT_SAMPLE_MS = 1_000;
export const THROUGHPUT_HISTORY_SAMPLES = 600;
export const THROUGHPUT_SAMPLED = 'throughput.sampled';

export interface ThroughputSample {
  /** Wall-clock time of the sample (ISO-8601). */
  time: string;
  /** Simulated time of the sample (ISO-8601). */
  simulatedTime: string;
  bytesPerSec: number;
}

interface Reading {
  simulatedMs: number;
  copiedBytes: number;
}

export class ThroughputHistory {
  private readonly ring: ThroughputSample[] = [];
  private previous: Reading | null = null;

  constructor(private readonly capacity = THROUGHPUT_HISTORY_SAMPLES) {}

  /** One reading of the engine's cumulative copied bytes; returns the sample it makes. */
  record(wallMs: number, simulatedMs: number, copiedBytesTotal: number): ThroughputSample {
    const previous = this.previous;
    const elapsedSimulatedMs = previous === null ? 0 : simulatedMs - previous.simulatedMs;
    const copiedBytes = previous === null ? 0 : Math.max(0, copiedBytesTotal - previous.copiedBytes);
    const bytesPerSec = elapsedSimulatedMs > 0 ? Math.round((copiedBytes * 1000) / elapsedSimulatedMs) : 0;
    this.previous = { simulatedMs, copiedBytes: copiedBytesTotal };
    const sample = { time: new Date(wallMs).toISOString(), simulatedTime: new Date(simulatedMs).toISOString(), bytesPerSec };
    this.ring.push(sample);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    return sample;
  }

  samples(): ThroughputSample[] {
    return [...this.ring];
  }
}
