// The dashboard's throughput chart on first paint; later samples arrive pushed (THROUGHPUT_SAMPLED).
import { THROUGHPUT_SAMPLE_MS, type ThroughputSample } from '../realtime/throughput';
import type { Runtime } from '../runtime';

export interface ThroughputDto {
  intervalMs: number;
  /** Oldest first. */
  samples: ThroughputSample[];
}

/** The last ten minutes of aggregate copy throughput, one sample a second. */
export function recentThroughput(runtime: Runtime): ThroughputDto {
  return { intervalMs: THROUGHPUT_SAMPLE_MS, samples: runtime.throughput.samples() };
}
