// How each array model is named on screen: the vendor's product name, not the API's id.
import type { ArrayModel } from '@/engine/client';

export const MODEL_DISPLAY_NAMES: Record<ArrayModel, string> = {
  santricity: 'SANtricity (E-Series)',
  xp7: 'XP7',
  storwize: 'Storwize V7000',
  ds6000: 'DS6000',
};

export function modelDisplayName(model: ArrayModel): string {
  return MODEL_DISPLAY_NAMES[model];
}

/** DS6000 logical subsystems are written in hex, e.g. 0x10. */
export function formatLss(lss: number): string {
  return `0x${lss.toString(16).padStart(2, '0').toUpperCase()}`;
}
