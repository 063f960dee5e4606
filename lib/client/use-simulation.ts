'use client';
// The simulated clock (GET/PUT /api/simulation, POST /api/simulation/advance). Changes are pushed
// as `simulation.updated`; between pushes the clock is extrapolated from its speed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { SimulationDto } from '@/lib/api/copy-schemas';
import type { ClockSpeed } from '@/engine/client';
import { getJson, postJson, putJson } from './fetch-json';
import { queryKeys } from './query-keys';

export type Simulation = z.infer<typeof SimulationDto>;
export type { ClockSpeed };

/** At 'max' the rate depends on the load, so the clock cannot be extrapolated: it is re-read. */
const MAX_SPEED_REFRESH_MS = 1_000;
const DISPLAY_TICK_MS = 250;

export function useSimulation() {
  return useQuery({
    queryKey: queryKeys.simulation,
    queryFn: ({ signal }) => getJson<Simulation>('/api/simulation', signal),
    refetchInterval: (query) => (query.state.data?.speed === 'max' ? MAX_SPEED_REFRESH_MS : false),
  });
}

/** Simulated time now, in ms: the last known time plus wall time since, scaled by the speed. */
export function simulatedNowMs(simulation: Simulation, receivedAtMs: number, wallNowMs: number): number {
  const base = Date.parse(simulation.simulatedTime);
  const speed = typeof simulation.speed === 'number' ? simulation.speed : 0;
  return base + Math.max(0, wallNowMs - receivedAtMs) * speed;
}

/** The simulated time, re-rendered a few times a second while the clock runs. */
export function useSimulatedNow(): { simulation: Simulation | undefined; nowMs: number | null } {
  const query = useSimulation();
  const [wallNow, setWallNow] = useState(() => Date.now());
  const running = query.data !== undefined && query.data.speed !== 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setWallNow(Date.now()), DISPLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  if (query.data === undefined) return { simulation: undefined, nowMs: null };
  return { simulation: query.data, nowMs: simulatedNowMs(query.data, query.dataUpdatedAt, Math.max(wallNow, query.dataUpdatedAt)) };
}

export function useSetSpeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (speed: ClockSpeed) => putJson<Simulation>('/api/simulation', { speed }),
    onSuccess: (simulation) => client.setQueryData(queryKeys.simulation, simulation),
  });
}

export function useStepSimulation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seconds: number) => postJson<Simulation>('/api/simulation/advance', { seconds }),
    onSuccess: (simulation) => client.setQueryData(queryKeys.simulation, simulation),
  });
}
