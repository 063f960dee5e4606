'use client';
import { useQuery } from '@tanstack/react-query';
import { getJson } from './fetch-json';
import { queryKeys } from './query-keys';

export interface ThroughputSample {
  time: string;
  simulatedTime: string;
  bytesPerSec: number;
}

export interface Throughput {
  intervalMs: number;
  samples: ThroughputSample[];
}

/** Ten minutes of history from REST; live-updates.tsx appends each pushed sample. */
export function useThroughput() {
  return useQuery({
    queryKey: queryKeys.throughput,
    queryFn: ({ signal }) => getJson<Throughput>('/api/throughput', signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const THROUGHPUT_WINDOW_SAMPLES = 600;

export function appendSample(history: Throughput, sample: ThroughputSample): Throughput {
  const samples = [...history.samples, sample];
  return { ...history, samples: samples.length > THROUGHPUT_WINDOW_SAMPLES ? samples.slice(samples.length - THROUGHPUT_WINDOW_SAMPLES) : samples };
}
