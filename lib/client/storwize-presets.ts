// The Storwize management GUI's FlashCopy presets, as its guides describe them: a Snapshot (no
// background copy, the target holds only what changes), a Clone (a full copy, the mapping deleted
// once it completes) and a Backup (a full copy first, then incremental refreshes). Choosing one
// sets the options it stands for; the wizard shows the preset the options match, or Custom.

export const STORWIZE_PRESETS = ['snapshot', 'clone', 'backup'] as const;
export type StorwizePreset = (typeof STORWIZE_PRESETS)[number];

interface PresetSpec {
  label: string;
  meaning: string;
  /** The option drafts (as the wizard's form holds them) the preset sets. */
  drafts: Record<'copyRate' | 'cleanRate' | 'incremental' | 'autoDelete', string>;
}

export const STORWIZE_PRESET_SPECS: Record<StorwizePreset, PresetSpec> = {
  snapshot: {
    label: 'Snapshot',
    meaning: 'A point-in-time view: no background copy (rate 0), so the target holds only the grains that change.',
    drafts: { copyRate: '0', cleanRate: '0', incremental: 'false', autoDelete: 'false' },
  },
  clone: {
    label: 'Clone',
    meaning: 'A full, independent copy: background copy at rate 50, and the mapping deletes itself once the copy completes.',
    drafts: { copyRate: '50', cleanRate: '50', incremental: 'false', autoDelete: 'true' },
  },
  backup: {
    label: 'Backup',
    meaning: 'A full copy first, then incremental: each later start copies only what changed since the last (rate 50).',
    drafts: { copyRate: '50', cleanRate: '50', incremental: 'true', autoDelete: 'false' },
  },
};

/** The preset the drafts (defaults filled in) match exactly, or null for a custom set of options. */
export function presetOf(drafts: Record<string, string>): StorwizePreset | null {
  return (
    STORWIZE_PRESETS.find((preset) => Object.entries(STORWIZE_PRESET_SPECS[preset].drafts).every(([name, value]) => drafts[name]?.trim() === value)) ?? null
  );
}

/** The drafts with the preset's options set (the rest, such as the grain size, kept). */
export function withPreset(drafts: Record<string, string>, preset: StorwizePreset): Record<string, string> {
  return { ...drafts, ...STORWIZE_PRESET_SPECS[preset].drafts };
}
