// Each service's creation options as the wizard offers them: default, one-line meaning, and what
// a value buys (MiB/s from the engine's own rate tables), validated with zod from the text the
// URL holds. Names, ranges and defaults come from engine/copy/*, so the wizard refuses what the
// engine would refuse, with the same words ("must be a whole number from 0 to 150").
import { z } from 'zod';
import { DS6000_MODES, DS6000_RATE_BYTES_PER_SEC } from '@/engine/copy/flashcopy-ds6000';
import { STORWIZE_COPY_RATE_MAX, STORWIZE_GRAIN_SIZES_KIB, storwizeRateBytesPerSec } from '@/engine/copy/flashcopy-storwize';
import { defaultOptions, rateBytesPerSec, type CopyOptions } from '@/engine/copy/options';
import { SHADOWIMAGE_PACES, SHADOWIMAGE_RATE_BYTES_PER_SEC, type ShadowImagePace } from '@/engine/copy/shadowimage';
import { VOLUME_COPY_PRIORITIES, VOLUME_COPY_RATE_BYTES_PER_SEC, type VolumeCopyPriority } from '@/engine/copy/volume-copy';
import type { ArrayModel } from '@/engine/model';
import { formatRate } from '@/lib/units';
import { nameRuleProblem } from './object-names';

export type WizardOption =
  | { name: string; label: string; kind: 'choice'; choices: readonly string[]; explain: string; describe: (value: string) => string }
  | { name: string; label: string; kind: 'number'; min: number; max: number; explain: string; describe: (value: number) => string }
  | { name: string; label: string; kind: 'boolean'; explain: string; describe: (value: boolean) => string };

function storwizeRate(rate: number): string {
  return rate === 0 ? 'no background copy' : formatRate(storwizeRateBytesPerSec(rate));
}

const OPTIONS: Record<ArrayModel, WizardOption[]> = {
  santricity: [
    {
      name: 'priority',
      label: 'Copy priority',
      kind: 'choice',
      choices: VOLUME_COPY_PRIORITIES,
      explain: 'Sets the copy speed: each step up doubles it, and takes more controller time from host I/O. Pending copies also start in priority order.',
      describe: (value) => formatRate(VOLUME_COPY_RATE_BYTES_PER_SEC[value as VolumeCopyPriority] ?? 0),
    },
    {
      name: 'targetReadOnly',
      label: 'Target read-only',
      kind: 'boolean',
      explain: 'The target is read-only while copying; this keeps it read-only after the copy completes too.',
      describe: (value) => (value ? 'hosts may only read the target' : 'hosts may write the target once the copy completes'),
    },
  ],
  xp7: [
    {
      name: 'pace',
      label: 'Copy pace',
      kind: 'choice',
      choices: SHADOWIMAGE_PACES,
      explain: 'How fast the initial, update and resync copies run; faster competes more with host I/O.',
      describe: (value) => formatRate(SHADOWIMAGE_RATE_BYTES_PER_SEC[value as ShadowImagePace] ?? 0),
    },
  ],
  storwize: [
    {
      name: 'copyRate',
      label: 'Copy rate',
      kind: 'number',
      min: 0,
      max: STORWIZE_COPY_RATE_MAX,
      explain: 'Background copy rate in bands of ten, each twice the one below; 0 copies nothing in the background, so the target keeps depending on the source.',
      describe: storwizeRate,
    },
    {
      name: 'cleanRate',
      label: 'Clean rate',
      kind: 'number',
      min: 0,
      max: STORWIZE_COPY_RATE_MAX,
      explain: 'How fast a stopping mapping copies the grains other mappings still need.',
      describe: storwizeRate,
    },
    {
      name: 'grainSize',
      label: 'Grain size (KiB)',
      kind: 'choice',
      choices: STORWIZE_GRAIN_SIZES_KIB.map(String),
      explain: 'The unit of copying and of the bitmaps; fixed once the mapping exists.',
      describe: (value) => (value === '64' ? 'less copied per small write, four times the bitmap' : 'fewer grains to track (the default)'),
    },
    {
      name: 'incremental',
      label: 'Incremental',
      kind: 'boolean',
      explain: 'After a completed copy, the next start copies only the grains changed since; fixed once the mapping exists.',
      describe: (value) => (value ? 'a restart copies only the grains changed since' : 'every start copies every grain'),
    },
    {
      name: 'autoDelete',
      label: 'Delete when copied',
      kind: 'boolean',
      explain: 'Removes the mapping by itself once its background copy completes (the target keeps the data).',
      describe: (value) => (value ? 'the mapping is removed when its background copy completes' : 'the mapping stays after the copy'),
    },
  ],
  ds6000: [
    {
      name: 'mode',
      label: 'Mode',
      kind: 'choice',
      choices: DS6000_MODES,
      explain: 'copy runs a background copy and ends the relationship when done; nocopy copies only grains about to change, until withdrawn (it can be converted to copy later).',
      describe: (value) => (value === 'nocopy' ? 'only grains about to change on the source are copied' : `background copy at ${formatRate(DS6000_RATE_BYTES_PER_SEC)}, then the relationship ends`),
    },
  ],
};

export function wizardOptionsOf(model: ArrayModel): WizardOption[] {
  return OPTIONS[model];
}

/** The default of every option as the text the form holds. */
export function defaultDrafts(model: ArrayModel): Record<string, string> {
  const defaults = defaultOptions(model) as unknown as Record<string, unknown>;
  return Object.fromEntries(OPTIONS[model].map((option) => [option.name, String(defaults[option.name])]));
}

function schemaOf(option: WizardOption): z.ZodType<unknown, string> {
  switch (option.kind) {
    case 'choice': {
      const values = option.choices as [string, ...string[]];
      const message = `must be one of ${values.join(', ')}`;
      const text = z.enum(values, { error: message });
      // Grain sizes are numbers on the wire.
      return option.name === 'grainSize' ? text.transform(Number) : text;
    }
    case 'number': {
      const message = `must be a whole number from ${option.min} to ${option.max}`;
      return z
        .string()
        .trim()
        .regex(/^\d+$/, message)
        .transform(Number)
        .pipe(z.number().int(message).min(option.min, message).max(option.max, message));
    }
    case 'boolean':
      return z.enum(['true', 'false'], { error: 'must be on or off' }).transform((value) => value === 'true');
  }
}

export interface OptionsCheck {
  /** The options as the API wants them, when every field is valid. */
  options: Record<string, unknown> | null;
  /** Problems by option name. */
  errors: Record<string, string>;
}

/** Validates the typed values (defaults filling the gaps) and converts them for the API. */
export function checkOptions(model: ArrayModel, drafts: Record<string, string>): OptionsCheck {
  const merged = { ...defaultDrafts(model), ...drafts };
  const options: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const option of OPTIONS[model]) {
    const result = schemaOf(option).safeParse(merged[option.name]);
    if (result.success) options[option.name] = result.data;
    else errors[option.name] = result.error.issues[0]?.message ?? 'is not valid';
  }
  return { options: Object.keys(errors).length === 0 ? options : null, errors };
}

/** Background copy rate the options buy, for the review's time estimate. */
export function plannedRateBytesPerSec(model: ArrayModel, options: Record<string, unknown>): number {
  return rateBytesPerSec(model, { ...defaultOptions(model), ...options } as CopyOptions);
}

/** Service refusals name their option ("copyRate: must be …"): those go under the field. */
export function optionErrorsFrom(reasons: readonly string[], model: ArrayModel): { fields: Record<string, string>; rest: string[] } {
  const names = OPTIONS[model].map((option) => option.name);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const reason of reasons) {
    const name = names.find((candidate) => reason.startsWith(`${candidate}:`));
    if (name === undefined) rest.push(reason);
    else fields[name] = reason.slice(name.length + 1).trim();
  }
  return { fields, rest };
}

/** Whether creation may leave the copy unstarted: xp7 pairs and ds6000 relationships exist only started. */
export function canDeferStart(model: ArrayModel): boolean {
  return model === 'santricity' || model === 'storwize';
}

/**
 * A new consistency group's name: the rule every relationship and group name follows
 * (object-names.ts, the engine's), and no clash with the array's groups, ignoring case as the server does.
 */
export function groupNameError(name: string, existingNames: readonly string[]): string | null {
  const text = name.trim();
  if (text === '') return 'is required for a new consistency group';
  const problem = nameRuleProblem(text);
  if (problem !== null) return problem;
  if (existingNames.some((existing) => existing.toLowerCase() === text.toLowerCase())) return `a consistency group named "${text}" already exists on this array`;
  return null;
}
