// How long the engine loop waits between ticks. A tick's fixed cost is per active relationship
// (its copier's step, its progress event, the persister's and the live push's bookkeeping of that
// event), not per byte: a thousand moving copies ticked every 50 ms spent about 13 % of a core on
// visits alone, and ten thousand would spend more than a core (#16). So the pause grows with the
// relationships the last tick visited, holding the visits to about VISITS_PER_SEC: a small fleet
// still ticks every 50 ms, a large one in fewer, larger steps. Copy rates are unchanged (each
// step moves what its elapsed simulated time allows); what a person sees is progress moving in
// steps of at most TICK_INTERVAL_MAX_MS (a second, with 5,000 relationships or more moving).

/** The shortest pause: the pace of a small fleet. */
export const TICK_INTERVAL_MS = 50;
/** The longest pause, however large the fleet: timers and completions wait no longer than this. */
export const TICK_INTERVAL_MAX_MS = 1_000;
/** Relationship visits a second the loop aims at, once the fleet is large enough to reach it. */
export const VISITS_PER_SEC = 5_000;

/** The pause after a tick that visited `visited` relationships; 0 at speed 'max' (back to back). */
export function tickDelayMs(speed: number | 'max', visited: number): number {
  if (speed === 'max') return 0;
  const paced = (visited * 1000) / VISITS_PER_SEC;
  return Math.round(Math.min(TICK_INTERVAL_MAX_MS, Math.max(TICK_INTERVAL_MS, paced)));
}
