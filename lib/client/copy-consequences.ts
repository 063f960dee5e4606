// What a destructive copy action does to the data, in one sentence, for its confirmation dialog.
// Keyed by model and action (and mode): the same action name means different things per vendor.

const CONSEQUENCES: Record<string, string> = {
  'xp7:split:quick':
    'The S-VOL keeps the P-VOL’s image of this instant and hosts may use it at once; from now on the P-VOL’s writes only mark tracks for the next resync.',
  'xp7:split:steady':
    'The S-VOL is brought up to date first, then keeps the P-VOL’s image of that moment; from then on the P-VOL’s writes only mark tracks for the next resync.',
  'xp7:resync:quick': 'The P-VOL and S-VOL swap images at once (quick restore): the P-VOL presents what the S-VOL held, and the pair mirrors again.',
  'xp7:resync:normal': 'The S-VOL is overwritten with the P-VOL’s tracks that changed since the split; writes made to the S-VOL meanwhile are lost.',
  'xp7:resync:reverse': 'The P-VOL is overwritten with the S-VOL’s contents (reverse resync); writes made to the P-VOL since the split are lost.',
  'xp7:suspend': 'The pair is forced into PSUE: the S-VOL stops being updated and needs a resync to be usable as a copy again.',
  'storwize:start': 'The target’s current contents are replaced by the source’s point-in-time image, taken now.',
  'storwize:stop': 'The mapping stops; grains not yet copied never reach the target, whose image becomes incomplete.',
  'ds6000:start': 'A new point-in-time is established; the target’s current contents are replaced.',
  'ds6000:withdraw': 'The relationship ends; tracks not yet copied never reach the target.',
  'santricity:start': 'The target’s contents are overwritten with the source’s.',
  'santricity:stop': 'The copy stops; the target holds a partial copy that is not usable.',
  'santricity:recopy': 'The target is overwritten again with the source’s current contents.',
};

export function consequenceOf(model: string, action: string, mode?: string): string {
  return (
    CONSEQUENCES[`${model}:${action}:${mode ?? ''}`] ??
    CONSEQUENCES[`${model}:${action}`] ??
    'This changes what the target (or source) holds and cannot be taken back.'
  );
}

/**
 * What removing the relationship leaves on the target, for the Actions panel, the removal's
 * confirmation and its toast. A copy stopped (or failed) before it completed left a partial image
 * behind: the IBM Flex System V7000 guide's "the target volume is offline and its data is lost", SANtricity's "the
 * target data is incomplete". Removal brings that target back, not its data.
 */
export function removalConsequence(copy: { model: string; state: string }): string {
  const unfinished = copy.state === 'stopped' || (copy.model === 'santricity' && copy.state === 'failed');
  if (!unfinished) return 'The target keeps the data it has.';
  return `The target keeps what the copy left on it, which is not a usable copy of the source: the copy ${copy.state === 'failed' ? 'failed' : 'stopped'} before it completed.`;
}
