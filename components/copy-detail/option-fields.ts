// Each service's options as the detail page edits them: kind, allowed values and what a value
// means in bytes per second, all from the engine's own tables (engine/copy/*), so the page and the
// engine agree on names, ranges and rates. Which ones may change after creation is the engine's
// rule too (isMutableOption).
import { DS6000_MODES } from '@/engine/copy/flashcopy-ds6000';
import { STORWIZE_COPY_RATE_MAX, storwizeRateBytesPerSec } from '@/engine/copy/flashcopy-storwize';
import { isMutableOption } from '@/engine/copy/options';
import { SHADOWIMAGE_PACES, SHADOWIMAGE_RATE_BYTES_PER_SEC, type ShadowImagePace } from '@/engine/copy/shadowimage';
import { VOLUME_COPY_PRIORITIES, VOLUME_COPY_RATE_BYTES_PER_SEC, type VolumeCopyPriority } from '@/engine/copy/volume-copy';
import type { ArrayModel } from '@/engine/model';
import { formatRate } from '@/lib/units';

export type OptionField =
  | { name: string; label: string; kind: 'choice'; choices: readonly string[]; describe?: (value: string) => string }
  | { name: string; label: string; kind: 'number'; min: number; max: number; describe?: (value: number) => string }
  | { name: string; label: string; kind: 'boolean'; describe?: (value: boolean) => string }
  | { name: string; label: string; kind: 'fixed'; describe: (value: unknown) => string };

/** A storwize rate (copy or clean) as the bandwidth it buys: the engine's band table. */
export function storwizeRateText(rate: number): string {
  if (!Number.isInteger(rate) || rate < 0 || rate > STORWIZE_COPY_RATE_MAX) return `a whole number from 0 to ${STORWIZE_COPY_RATE_MAX}`;
  return rate === 0 ? 'no background copy' : formatRate(storwizeRateBytesPerSec(rate));
}

const FIELDS: Record<ArrayModel, OptionField[]> = {
  santricity: [
    { name: 'priority', label: 'Copy priority', kind: 'choice', choices: VOLUME_COPY_PRIORITIES, describe: (value) => formatRate(VOLUME_COPY_RATE_BYTES_PER_SEC[value as VolumeCopyPriority] ?? 0) },
    { name: 'targetReadOnly', label: 'Target read-only', kind: 'boolean', describe: (value) => (value ? 'hosts may only read the target' : 'hosts may write the target once the copy completes') },
  ],
  xp7: [{ name: 'pace', label: 'Copy pace', kind: 'choice', choices: SHADOWIMAGE_PACES, describe: (value) => formatRate(SHADOWIMAGE_RATE_BYTES_PER_SEC[value as ShadowImagePace] ?? 0) }],
  storwize: [
    { name: 'copyRate', label: 'Copy rate', kind: 'number', min: 0, max: STORWIZE_COPY_RATE_MAX, describe: storwizeRateText },
    { name: 'cleanRate', label: 'Clean rate', kind: 'number', min: 0, max: STORWIZE_COPY_RATE_MAX, describe: storwizeRateText },
    { name: 'autoDelete', label: 'Delete when copied', kind: 'boolean', describe: (value) => (value ? 'the mapping is removed when its background copy completes' : 'the mapping stays after the copy') },
    { name: 'incremental', label: 'Incremental', kind: 'boolean', describe: (value) => (value ? 'a restart copies only the grains changed since' : 'every start copies every grain') },
    { name: 'grainSize', label: 'Grain size', kind: 'fixed', describe: (value) => `${String(value)} KiB` },
  ],
  ds6000: [{ name: 'mode', label: 'Mode', kind: 'fixed', describe: (value) => (value === DS6000_MODES[1] ? 'nocopy — only grains about to change are copied (the convert action turns it into copy)' : 'copy — a background copy runs, then the relationship ends') }],
};

export function optionFieldsOf(model: string): OptionField[] {
  return FIELDS[model as ArrayModel] ?? [];
}

/** Editable now: the engine lets it change after creation and the field is not display-only. */
export function isEditable(model: string, field: OptionField): boolean {
  return field.kind !== 'fixed' && isMutableOption(model as ArrayModel, field.name);
}
