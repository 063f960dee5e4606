// What each model's copy service is called on screen (docs/domain.md#arrays-and-models).
import { COPY_TYPE_BY_MODEL, type ArrayModel } from '@/engine/client';

const SERVICE_NAMES: Record<ArrayModel, string> = {
  santricity: 'Volume Copy',
  xp7: 'ShadowImage (Business Copy) pairs',
  storwize: 'FlashCopy mappings',
  ds6000: 'FlashCopy relationships',
};

export function copyServiceOf(model: ArrayModel): { type: string; name: string } {
  return { type: COPY_TYPE_BY_MODEL[model], name: SERVICE_NAMES[model] };
}

/** The service as its vendor names one relationship: the Type column's words ("FlashCopy mapping", not "flashcopy"). */
export const COPY_TYPE_NAMES: Record<ArrayModel, string> = {
  santricity: 'Volume Copy',
  xp7: 'ShadowImage',
  storwize: 'FlashCopy mapping',
  ds6000: 'FlashCopy relationship',
};

/** The Type column's words for a copy's model (a model the console does not know is shown as it came). */
export function copyTypeName(model: string): string {
  return Object.hasOwn(COPY_TYPE_NAMES, model) ? COPY_TYPE_NAMES[model as ArrayModel] : model;
}

/** One relationship and several, in the service's own words ("FlashCopy mapping", "ShadowImage pairs"). */
export const RELATIONSHIP_WORDS: Record<ArrayModel, { one: string; many: string }> = {
  santricity: { one: 'volume copy', many: 'volume copies' },
  xp7: { one: 'ShadowImage pair', many: 'ShadowImage pairs' },
  storwize: { one: 'FlashCopy mapping', many: 'FlashCopy mappings' },
  ds6000: { one: 'FlashCopy relationship', many: 'FlashCopy relationships' },
};
