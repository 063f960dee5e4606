'use client';
// The simulated clock and how fast it runs. Stepping only exists while paused: the engine refuses
// to step a running clock, so the button says why it is disabled instead of failing.
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { errorMessage } from '@/lib/client/api-error';
import { clockParts } from '@/lib/client/clock-format';
import { useCan } from '@/lib/client/session';
import { CLOCK_SPEEDS, type ClockSpeed } from '@/engine/client';
import { useSetSpeed, useSimulatedNow, useStepSimulation } from '@/lib/client/use-simulation';

const STEP_SECONDS = 10;

function speedLabel(speed: number | 'max'): string {
  if (speed === 0) return 'Paused';
  if (speed === 'max') return 'Max';
  return `${speed}×`;
}

function parseSpeed(value: string): ClockSpeed | undefined {
  return CLOCK_SPEEDS.find((speed) => String(speed) === value);
}

export function SimulationControls() {
  const { simulation, nowMs } = useSimulatedNow();
  const setSpeed = useSetSpeed();
  const step = useStepSimulation();
  const paused = simulation?.speed === 0;
  // Monitors watch the clock; only operators and admins may change its speed or step it.
  const canOperate = useCan('operate');
  const clock = nowMs === null ? null : clockParts(nowMs);

  const onSpeed = (value: string) => {
    const speed = parseSpeed(value);
    if (speed === undefined) return;
    setSpeed.mutate(speed, { onError: (error) => toast.error('The simulation speed did not change', { description: errorMessage(error) }) });
  };
  const onStep = () => {
    step.mutate(STEP_SECONDS, { onError: (error) => toast.error('The simulation did not step', { description: errorMessage(error) }) });
  };

  return (
    <section aria-label="Simulation" className="flex items-center gap-2 px-2 md:flex-col md:items-stretch md:gap-1.5 md:py-1">
      <p className="flex min-w-0 flex-col leading-tight" data-testid="simulated-clock">
        <span className="hidden text-[11px] text-fg-subtle md:block">Simulated time</span>
        <time dateTime={nowMs === null ? undefined : new Date(nowMs).toISOString()} className="font-mono text-xs text-fg tabular-nums">
          {clock === null ? (
            '—'
          ) : (
            <>
              <span className="hidden md:inline">{clock.date} </span>
              {clock.time}
            </>
          )}
        </time>
      </p>
      {canOperate ? (
        <div className="flex items-center gap-1.5">
          <Select
            aria-label="Simulation speed"
            value={simulation === undefined ? '' : String(simulation.speed)}
            onValueChange={onSpeed}
            disabled={simulation === undefined || setSpeed.isPending}
            placeholder="Speed"
            options={CLOCK_SPEEDS.map((speed) => ({ value: String(speed), label: speedLabel(speed) }))}
            className="w-24 md:flex-1"
          />
          <Button
            size="md"
            onClick={onStep}
            disabled={!paused || step.isPending}
            title={paused ? `Advance the simulated clock by ${STEP_SECONDS} s` : 'Pause the simulation to step it'}
            aria-label={`Step ${STEP_SECONDS} seconds`}
          >
            Step
          </Button>
        </div>
      ) : (
        <p className="text-xs text-fg-muted" data-testid="simulation-speed">
          {simulation === undefined ? '—' : speedLabel(simulation.speed)}
        </p>
      )}
    </section>
  );
}
