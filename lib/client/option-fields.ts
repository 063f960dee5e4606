// Each service's options as the console shows them, written once for the wizard and the copy's
// page: label, kind, allowed values, a one-line meaning and what a value buys (MiB/s from the
// engine's own rate tables). Names, ranges and defaults are the engine's (engine/client.ts); so is
// which options may change after creation (isMutableOption).
import {
  DS6000_MODES,
  DS6000_RATE_BYTES_PER_SEC,
  SHADOWIMAGE_PACES,
  SHADOWIMAGE_RATE_BYTES_PER_SEC,
  STORWIZE_COPY_RATE_MAX,
  STORWIZE_GRAIN_SIZES_KIB,
  VOLUME_COPY_PRIORITIES,
  VOLUME_COPY_RATE_BYTES_PER_SEC,
  isMutableOption,
  storwizeRateBytesPerSec,
  type ArrayModel,
  type ShadowImagePace,
  type VolumeCopyPriority,
} from '@/engine/client';
import { formatRate } from '@/lib/units';

/** XP7 MU number left to the array: the smallest free one of the P-VOL (the API leaves `mu` out). */
export const MU_AUTO = 'auto';

export type OptionField =
  | { name: string; label: string; kind: 'choice'; choices: readonly string[]; explain: string; describe: (value: string) => string }
  | { name: string; label: string; kind: 'number'; min: number; max: number; explain: string; describe: (value: number) => string }
  | { name: string; label: string; kind: 'boolean'; explain: string; describe: (value: boolean) => string };

/** A storwize rate (copy or clean) as the bandwidth it buys: the engine's band table. */
export function storwizeRateText(rate: number): string {
  if (!Number.isInteger(rate) || rate < 0 || rate > STORWIZE_COPY_RATE_MAX) return `a whole number from 0 to ${STORWIZE_COPY_RATE_MAX}`;
  return rate === 0 ? 'no background copy' : formatRate(storwizeRateBytesPerSec(rate));
}

const FIELDS: Record<ArrayModel, OptionField[]> = {
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
    {
      name: 'mu',
      label: 'MU number',
      kind: 'choice',
      choices: [MU_AUTO, '0', '1', '2'],
      explain:
        "The pair's mirror unit on its P-VOL: 0–2 for a layer-1 pair, 1–2 for a layer-2 pair. Scripts name a pair by its P-VOL and MU number; fixed once the pair exists.",
      describe: (value) => (value === MU_AUTO ? 'the smallest free MU number of the P-VOL' : `MU ${value} of the P-VOL`),
    },
  ],
  storwize: [
    {
      name: 'copyRate',
      label: 'Copy rate',
      kind: 'number',
      min: 0,
      max: STORWIZE_COPY_RATE_MAX,
      explain:
        'Background copy rate in bands of ten, each twice the one below; 0 copies nothing in the background, so the target keeps depending on the source.',
      describe: storwizeRateText,
    },
    {
      name: 'cleanRate',
      label: 'Clean rate',
      kind: 'number',
      min: 0,
      max: STORWIZE_COPY_RATE_MAX,
      explain: 'How fast a stopping mapping copies the grains other mappings still need.',
      describe: storwizeRateText,
    },
    {
      name: 'grainSize',
      label: 'Grain size (KiB)',
      kind: 'choice',
      choices: STORWIZE_GRAIN_SIZES_KIB.map(String),
      explain: 'The unit of copying and of the bitmaps; fixed once the mapping exists.',
      describe: (value) => (value === '64' ? 'less copied per small write, four times the bitmap' : 'fewer grains to track'),
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
      explain:
        'copy runs a background copy and ends the relationship when done; nocopy copies only grains about to change, until withdrawn (it can be converted to copy later).',
      describe: (value) =>
        value === 'nocopy'
          ? 'only grains about to change on the source are copied'
          : `background copy at ${formatRate(DS6000_RATE_BYTES_PER_SEC)}, then the relationship ends`,
    },
    {
      name: 'persistent',
      label: 'Persistent',
      kind: 'boolean',
      explain: 'Keeps the relationship after its background copy completes, until withdrawn (DS CLI -persist).',
      describe: (value) => (value ? 'the relationship stays at 100 % until withdrawn' : 'a copy-mode relationship ends when its copy completes'),
    },
    {
      name: 'incremental',
      label: 'Change recording',
      kind: 'boolean',
      explain: 'Records changes on both volumes so Resync and Reverse restore copy only what changed (DS CLI -record; needs Persistent).',
      describe: (value) => (value ? 'resync and reverse restore copy only changed grains' : 'no change recording: no resync, only fast reverse restore'),
    },
  ],
};

/** The model's options; none for a model this console does not know (a copy's model is a string on the wire). */
export function optionFieldsOf(model: string): OptionField[] {
  return Object.hasOwn(FIELDS, model) ? FIELDS[model as ArrayModel] : [];
}

/** Editable on the copy's page: the engine lets the option change after creation. */
export function isEditable(model: string, field: OptionField): boolean {
  return Object.hasOwn(FIELDS, model) && isMutableOption(model as ArrayModel, field.name);
}

/** A field's value in words for reading (not editing): "on"/"off" for switches, else the value. */
export function displayValue(field: OptionField, value: unknown): string {
  if (field.kind === 'boolean') return value === true ? 'on' : 'off';
  // A pair made before MU numbers were kept has none.
  if (value === undefined) return '—';
  return String(value);
}

/** What `value` buys or means, or undefined when it is not of the field's kind. */
export function describeValue(field: OptionField, value: unknown): string | undefined {
  if (field.kind === 'number') return typeof value === 'number' ? field.describe(value) : undefined;
  if (field.kind === 'boolean') return typeof value === 'boolean' ? field.describe(value) : undefined;
  const text = String(value);
  return field.choices.includes(text) ? field.describe(text) : undefined;
}
