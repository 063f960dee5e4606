// What each model's copy service is called on screen (domain.md).
import { COPY_TYPE_BY_MODEL, type ArrayModel } from '@/engine/model';

const SERVICE_NAMES: Record<ArrayModel, string> = {
  santricity: 'Volume Copy',
  xp7: 'ShadowImage (Business Copy) pairs',
  storwize: 'FlashCopy mappings',
  ds6000: 'FlashCopy relationships',
};

export function copyServiceOf(model: ArrayModel): { type: string; name: string } {
  return { type: COPY_TYPE_BY_MODEL[model], name: SERVICE_NAMES[model] };
}
