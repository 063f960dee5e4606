'use client';
// Storwize: the GUI's FlashCopy presets (lib/client/storwize-presets.ts) above the options they
// set. Choosing one fills copy rate, clean rate, incremental and auto-delete; editing any of
// them afterwards shows Custom.
import { Select } from '@/components/ui/select';
import { presetOf, STORWIZE_PRESET_SPECS, STORWIZE_PRESETS, withPreset, type StorwizePreset } from '@/lib/client/storwize-presets';

const CUSTOM = 'custom';

export function PresetRow({ drafts, onChange }: { drafts: Record<string, string>; onChange: (drafts: Record<string, string>) => void }) {
  const preset = presetOf(drafts);
  const options = [
    ...STORWIZE_PRESETS.map((name) => ({ value: name, label: STORWIZE_PRESET_SPECS[name].label, hint: STORWIZE_PRESET_SPECS[name].meaning })),
    { value: CUSTOM, label: 'Custom', hint: 'The options below as set' },
  ];
  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5" data-testid="option-preset">
      <label htmlFor="wizard-preset" className="pt-1.5 text-xs font-medium text-fg">
        Preset
      </label>
      <div className="flex min-w-0 flex-col gap-1">
        <Select
          id="wizard-preset"
          value={preset ?? CUSTOM}
          onValueChange={(value) => {
            if (value !== CUSTOM) onChange(withPreset(drafts, value as StorwizePreset));
          }}
          options={options}
          describedBy="wizard-preset-hint"
          className="w-56"
        />
        <p id="wizard-preset-hint" className="text-xs text-fg-subtle">
          {preset === null
            ? 'Custom: the options below as you set them. Snapshot, Clone and Backup are the presets of the Storwize GUI.'
            : STORWIZE_PRESET_SPECS[preset].meaning}
        </p>
      </div>
    </div>
  );
}
