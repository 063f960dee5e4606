// Each service's options: defaults, validation (the API calls this, so the rules live once),
// which may change after creation, and what they mean for the copy rate and grain size.
import type { ArrayModel } from '../model';
import { DS6000_RATE_BYTES_PER_SEC, SHADOWIMAGE_RATE_BYTES_PER_SEC, VOLUME_COPY_RATE_BYTES_PER_SEC } from './chosen-values';
import { DS6000_MODES, type Ds6000Mode } from './flashcopy-ds6000';
import {
  STORWIZE_COPY_RATE_MAX,
  STORWIZE_DEFAULT_COPY_RATE,
  STORWIZE_DEFAULT_GRAIN_KIB,
  STORWIZE_GRAIN_SIZES_KIB,
  storwizeRateBytesPerSec,
} from './flashcopy-storwize';
import { SHADOWIMAGE_MU_MAX, SHADOWIMAGE_PACES, type ShadowImagePace } from './shadowimage';
import { VOLUME_COPY_PRIORITIES, type VolumeCopyPriority } from './volume-copy';

export const DEFAULT_GRAIN_BYTES = 64 * 1024;

export interface VolumeCopyOptions {
  priority: VolumeCopyPriority;
  targetReadOnly: boolean;
}
export interface ShadowImageOptions {
  pace: ShadowImagePace;
  /**
   * The mirror unit (MU) number the pair takes on its P-VOL: 0–2 on layer 1, 1–2 on layer 2
   * (copy/shadowimage-mu.ts). Given at creation or, when absent, the smallest free one.
   */
  mu?: number;
}
export interface StorwizeOptions {
  copyRate: number;
  cleanRate: number;
  incremental: boolean;
  autoDelete: boolean;
  grainSize: 64 | 256;
}
export interface Ds6000Options {
  mode: Ds6000Mode;
  /** The relationship stays after its background copy completes, until withdrawn (DS CLI mkflash -persist). */
  persistent: boolean;
  /** Change recording (mkflash -record): resync and reverse restore copy only changed grains; needs persistent. */
  incremental: boolean;
}
export type CopyOptions = VolumeCopyOptions | ShadowImageOptions | StorwizeOptions | Ds6000Options;

type Field = {
  check: (value: unknown) => string | null;
  /** May change after creation (PATCH). */
  mutable: boolean;
};

const oneOf = (values: readonly (string | number)[]) => (value: unknown) =>
  values.includes(value as string | number) ? null : `must be one of ${values.join(', ')}`;
const boolean = (value: unknown) => (typeof value === 'boolean' ? null : 'must be true or false');
const integer = (min: number, max: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `must be a whole number from ${min} to ${max}`;

const FIELDS: Record<ArrayModel, Record<string, Field>> = {
  santricity: {
    priority: { check: oneOf(VOLUME_COPY_PRIORITIES), mutable: true },
    targetReadOnly: { check: boolean, mutable: true },
  },
  xp7: { pace: { check: oneOf(SHADOWIMAGE_PACES), mutable: true }, mu: { check: integer(0, SHADOWIMAGE_MU_MAX), mutable: false } },
  storwize: {
    copyRate: { check: integer(0, STORWIZE_COPY_RATE_MAX), mutable: true },
    cleanRate: { check: integer(0, STORWIZE_COPY_RATE_MAX), mutable: true },
    incremental: { check: boolean, mutable: false },
    autoDelete: { check: boolean, mutable: true },
    grainSize: { check: oneOf(STORWIZE_GRAIN_SIZES_KIB), mutable: false },
  },
  ds6000: {
    mode: { check: oneOf(DS6000_MODES), mutable: false },
    persistent: { check: boolean, mutable: false },
    incremental: { check: boolean, mutable: false },
  },
};

const DEFAULTS: Record<ArrayModel, CopyOptions> = {
  santricity: { priority: 'medium', targetReadOnly: true },
  xp7: { pace: 'medium' },
  storwize: {
    copyRate: STORWIZE_DEFAULT_COPY_RATE,
    cleanRate: STORWIZE_DEFAULT_COPY_RATE,
    incremental: false,
    autoDelete: false,
    grainSize: STORWIZE_DEFAULT_GRAIN_KIB,
  },
  ds6000: { mode: 'copy', persistent: false, incremental: false },
};

export type OptionsResult = { ok: true; options: CopyOptions } | { ok: false; reasons: string[] };

/**
 * Validates `input` against the model's options and merges it over `current` (or the defaults).
 * With `current` (a PATCH), options that cannot change after creation are refused.
 */
export function resolveOptions(model: ArrayModel, input: Record<string, unknown>, current?: CopyOptions): OptionsResult {
  const fields = FIELDS[model];
  const reasons: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const field = fields[name];
    if (field === undefined) {
      reasons.push(`${name}: not an option of this copy service (options: ${Object.keys(fields).join(', ')})`);
      continue;
    }
    const problem = field.check(value);
    if (problem !== null) reasons.push(`${name}: ${problem}`);
    else if (current !== undefined && !field.mutable && value !== (current as unknown as Record<string, unknown>)[name]) {
      reasons.push(`${name}: cannot change after the relationship is created`);
    }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const options = { ...(current ?? DEFAULTS[model]), ...input } as CopyOptions;
  // DS CLI: change recording (-record) is only for a relationship that persists (-persist).
  if ('persistent' in options && options.incremental && !options.persistent) {
    return { ok: false, reasons: ['incremental: change recording needs persistent: a relationship that ends by itself keeps no record'] };
  }
  return { ok: true, options };
}

/** Whether option `name` may change after creation (PATCH): the console offers only these for editing. */
export function isMutableOption(model: ArrayModel, name: string): boolean {
  return FIELDS[model][name]?.mutable === true;
}

export function defaultOptions(model: ArrayModel): CopyOptions {
  return { ...DEFAULTS[model] };
}

/**
 * Background copy rate the options ask for, in bytes per simulated second. Each service's options
 * have a field no other has (priority, pace, copyRate), which tells them apart without a cast;
 * the model is kept in the signature for callers that know only it.
 */
export function rateBytesPerSec(_model: ArrayModel, options: CopyOptions): number {
  if ('priority' in options) return VOLUME_COPY_RATE_BYTES_PER_SEC[options.priority];
  if ('pace' in options) return SHADOWIMAGE_RATE_BYTES_PER_SEC[options.pace];
  if ('copyRate' in options) return storwizeRateBytesPerSec(options.copyRate);
  return DS6000_RATE_BYTES_PER_SEC;
}

/**
 * Storwize cleaning (copying grains to dependent mappings) runs at the clean rate, on the copy-rate
 * table. At clean rate 0 it still runs, at the lowest band (chosen: the guide does not say, and a
 * stop that never ends would hold the target forever).
 */
export function cleanRateBytesPerSec(options: CopyOptions): number {
  const cleanRate = 'cleanRate' in options ? options.cleanRate : STORWIZE_DEFAULT_COPY_RATE;
  return storwizeRateBytesPerSec(Math.max(1, cleanRate));
}

export function grainBytesFor(_model: ArrayModel, options: CopyOptions): number {
  return 'grainSize' in options ? options.grainSize * 1024 : DEFAULT_GRAIN_BYTES;
}
