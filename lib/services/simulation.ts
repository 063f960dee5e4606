// The simulation clock as the API shows it.
import type { ClockSpeed } from '../../engine';
import type { Runtime } from '../runtime';
import type { Actor } from './volumes';

export interface SimulationDto {
  speed: ClockSpeed;
  simulatedTime: string;
}

export function simulationDto(runtime: Runtime): SimulationDto {
  return { speed: runtime.engine.clock.speed, simulatedTime: runtime.engine.clock.nowIso() };
}

export async function setSpeed(runtime: Runtime, speed: ClockSpeed, actor: Actor): Promise<SimulationDto> {
  const before = runtime.engine.clock.speed;
  runtime.engine.setSpeed(speed);
  await runtime.persister.flush();
  await runtime.db.event.create({ data: { kind: 'simulation.speed-changed', subjectType: 'simulation', subjectId: 'clock', actor: actor.name, details: { from: before, to: speed } } });
  return simulationDto(runtime);
}

export async function advance(runtime: Runtime, seconds: number, actor: Actor): Promise<SimulationDto> {
  runtime.persister.as(actor.name, () => runtime.engine.advance(Math.round(seconds * 1000)));
  await runtime.persister.flush();
  return simulationDto(runtime);
}
