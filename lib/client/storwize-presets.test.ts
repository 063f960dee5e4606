import { describe, expect, it } from 'vitest';
import { defaultOptions } from '@/engine/client';
import { checkOptions, defaultDrafts } from './wizard-options';
import { presetOf, STORWIZE_PRESETS, withPreset } from './storwize-presets';

describe('Storwize FlashCopy presets', () => {
  it('each preset sets valid options that the engine accepts, and is recognised back', () => {
    for (const preset of STORWIZE_PRESETS) {
      const drafts = withPreset(defaultDrafts('storwize'), preset);
      expect(presetOf(drafts)).toBe(preset);
      expect(checkOptions('storwize', drafts).errors).toEqual({});
    }
    expect(checkOptions('storwize', withPreset(defaultDrafts('storwize'), 'snapshot')).options).toMatchObject({
      copyRate: 0,
      incremental: false,
      autoDelete: false,
    });
    expect(checkOptions('storwize', withPreset(defaultDrafts('storwize'), 'clone')).options).toMatchObject({ copyRate: 50, autoDelete: true });
    expect(checkOptions('storwize', withPreset(defaultDrafts('storwize'), 'backup')).options).toMatchObject({ copyRate: 50, incremental: true });
  });

  it('keeps options a preset does not set, and calls anything else custom', () => {
    const drafts = withPreset({ ...defaultDrafts('storwize'), grainSize: '64' }, 'clone');
    expect(drafts.grainSize).toBe('64');
    expect(presetOf({ ...drafts, copyRate: '51' })).toBeNull();
    // The service's defaults are not a preset of the GUI (copy rate 50, no auto-delete, no incremental).
    expect(defaultOptions('storwize')).toMatchObject({ copyRate: 50 });
    expect(presetOf(defaultDrafts('storwize'))).toBeNull();
  });
});
