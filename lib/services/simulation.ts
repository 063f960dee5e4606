// The simulation clock as the API shows it, and the commands that change its pace.
import type { ClockSpeed } from '../../engine';
import type { Runtime } from '../runtime';
import { recordEvent } from './events';
import { runCommand, type Actor } from './run-command';

export interface SimulationDto {
  speed: ClockSpeed;
  simulatedTime: string;
}

export function simulationDto(runtime: Runtime): SimulationDto {
  return { speed: runtime.engine.clock.speed, simulatedTime: runtime.engine.clock.nowIso() };
}

export async function setSpeed(runtime: Runtime, speed: ClockSpeed, actor: Actor): Promise<SimulationDto> {
  const before = runtime.engine.clock.speed;
  await runCommand(runtime, actor, (engine) => engine.setSpeed(speed));
  // The persister does not log the engine's simulation.changed (it names no speeds): this entry does.
  await recordEvent(runtime.db, {
    kind: 'simulation.speed-changed',
    subjectType: 'simulation',
    subjectId: 'clock',
    actor: actor.name,
    details: { from: before, to: speed },
  });
  return simulationDto(runtime);
}

export async function advance(runtime: Runtime, seconds: number, actor: Actor): Promise<SimulationDto> {
  await runCommand(runtime, actor, (engine) => engine.advance(Math.round(seconds * 1000)));
  return simulationDto(runtime);
}
