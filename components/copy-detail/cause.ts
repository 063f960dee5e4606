// A state change's cause as the engine records it ("action:split(quick)", "automatic:copied",
// "group:start <group id>") in words for the timeline.
const AUTOMATIC: Record<string, string> = {
  copied: 'the background copy finished',
  prepared: 'the prepare finished',
  stopped: 'the stop finished',
  deleted: 'the delete finished',
  fault: 'an I/O error or the loss of every controller',
  'metadata-lost': 'access to the FlashCopy metadata was lost',
  recovered: 'access to the metadata returned',
  'slot-free': 'a copy slot became free',
  'start-when-prepared': 'started once prepared',
  'freeze-timeout': 'the freeze timed out',
};

export function describeCause(cause: unknown): string | null {
  if (typeof cause !== 'string' || cause === '') return null;
  const [source, what = ''] = cause.split(/:(.*)/s);
  if (source === 'automatic') return AUTOMATIC[what] ?? what;
  if (source === 'action') return what.replace('(', ' (');
  if (source === 'group') return `${what.split(' ')[0]} on the consistency group`;
  return cause;
}

/** Why a DS6000 source was released from its freeze (copy.freeze-changed with no frozenUntil), in words. */
export function describeThawCause(cause: unknown): string {
  if (typeof cause !== 'string') return 'released';
  const [source, what = ''] = cause.split(/:(.*)/s);
  if (source === 'group' && what.startsWith('thaw')) return 'the consistency group was thawed';
  if (source === 'group' && what === 'deleted') return 'its consistency group was deleted';
  if (source === 'action' && what === 'delete') return 'the relationship was deleted';
  if (source === 'action' || source === 'group') return `the relationship was ${what.split(' ')[0] === 'withdraw' ? 'withdrawn' : what.split(' ')[0]}`;
  return describeCause(cause) ?? 'released';
}
