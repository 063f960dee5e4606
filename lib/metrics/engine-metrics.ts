// The engine as the metrics see it: how long its ticks take, how many copies sit in each state of
// their service, and host writes waiting for their marks to be saved. Copies are counted at the
// scrape, from the engine's own map (a walk over a few thousand objects, no database).
import { Gauge, Histogram, type Registry } from 'prom-client';
import { ARRAY_MODELS, COPY_TYPE_BY_MODEL, SERVICE_TABLES, type ArrayModel, type Engine } from '../../engine';

/** Seconds. A tick of a busy fleet takes a few milliseconds; the loop ticks every 50 ms. */
export const TICK_DURATION_BUCKETS_S = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export type CopySource = Pick<Engine, 'copies' | 'pendingHostWrites'>;

export function registerTickMetrics(registry: Registry): (durationMs: number) => void {
  const ticks = new Histogram({
    name: 'grainline_engine_tick_duration_seconds',
    help: 'Wall time of one engine tick (copy work, host workloads, timers, completions)',
    buckets: TICK_DURATION_BUCKETS_S,
    registers: [registry],
  });
  return (durationMs) => ticks.observe(durationMs / 1000);
}

/** Copies by service, model and state, every state of every service present (0 when empty). */
export function countCopies(copies: Iterable<{ model: ArrayModel; state: string }>): Map<string, { model: ArrayModel; state: string; count: number }> {
  const counts = new Map<string, { model: ArrayModel; state: string; count: number }>();
  for (const model of ARRAY_MODELS) {
    for (const state of Object.keys(SERVICE_TABLES[model].states)) counts.set(`${model}\u0000${state}`, { model, state, count: 0 });
  }
  for (const copy of copies) {
    const key = `${copy.model}\u0000${copy.state}`;
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { model: copy.model, state: copy.state, count: 1 });
    else entry.count += 1;
  }
  return counts;
}

export function registerEngineMetrics(registry: Registry, engine: CopySource): void {
  new Gauge({
    name: 'grainline_copies',
    help: 'Copy relationships this node holds, by copy service, array model and state',
    labelNames: ['service', 'model', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { model, state, count } of countCopies(engine.copies()).values()) {
        this.set({ service: COPY_TYPE_BY_MODEL[model], model, state }, count);
      }
    },
  });
  new Gauge({
    name: 'grainline_host_writes_pending',
    help: 'Host writes the engine holds until the bitmaps they marked are saved',
    registers: [registry],
    collect() {
      this.set(engine.pendingHostWrites());
    },
  });
}
