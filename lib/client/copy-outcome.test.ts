import { describe, expect, it } from 'vitest';
import { actionToast, movesOnByItself } from './copy-outcome';

describe('copy action toasts', () => {
  it('knows the states the engine leaves by itself from its tables', () => {
    expect(movesOnByItself('storwize', 'stopping')).toBe(true);
    expect(movesOnByItself('storwize', 'preparing')).toBe(true);
    expect(movesOnByItself('storwize', 'stopped')).toBe(false);
    expect(movesOnByItself('storwize', 'idle_or_copied')).toBe(false);
    expect(movesOnByItself('xp7', 'COPY(PD)')).toBe(true);
    // Left only by a fault: settled.
    expect(movesOnByItself('xp7', 'PAIR')).toBe(false);
    expect(movesOnByItself('santricity', 'stopped')).toBe(false);
    expect(movesOnByItself('no-such-model', 'stopped')).toBe(false);
  });

  it('says a stop was requested while the mapping is stopping, and what stopping means', () => {
    const toast = actionToast('Stop', { model: 'storwize', state: 'stopping', name: 'fcmap3' }, 'fcmap3 (flashcopy a → b)');
    expect(toast.title).toBe('Stop requested: fcmap3 is stopping');
    expect(toast.description).toMatch(/^fcmap3 \(flashcopy a → b\)\. Stopping: the target is offline/);
  });

  it('says states in words, not identifiers', () => {
    expect(actionToast('Start', { model: 'storwize', state: 'idle_or_copied', name: 'fcmap1' }, 'fcmap1 (FlashCopy mapping a → b)').description).toBe(
      'fcmap1 (FlashCopy mapping a → b) is now idle or copied.',
    );
  });

  it('says done when the action landed in a settled state', () => {
    expect(actionToast('Stop', { model: 'santricity', state: 'stopped', name: 'copy1' }, 'copy1 (volume-copy a → b)')).toEqual({
      title: 'Stop: done',
      description: 'copy1 (volume-copy a → b) is now stopped.',
    });
  });
});
