// What "the point in time" is called for each service: the instant its changed grains count from.
import type { ArrayModel } from '@/engine/client';

const NAMES: Record<ArrayModel, string> = {
  santricity: 'the copy started',
  xp7: 'the split',
  storwize: 'T0',
  ds6000: 'T0',
};

export function pointInTimeName(model: string): string {
  return NAMES[model as ArrayModel] ?? 'the point in time';
}
