// The speeds the simulated clock runs at. Apart from clock.ts (which asserts with node:assert) so
// the console's browser code can offer exactly these through engine/client.ts.

export const CLOCK_SPEEDS = [0, 1, 10, 100, 1000, 'max'] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];
export type ScaledSpeed = Exclude<ClockSpeed, 'max'>;

export function isClockSpeed(value: unknown): value is ClockSpeed {
  return (CLOCK_SPEEDS as readonly unknown[]).includes(value);
}
