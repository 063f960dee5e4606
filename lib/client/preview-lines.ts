// The engine's preview as lines to read: each consequence in the engine's own sentence, marked
// when a person should stop at it. Which kinds warn is presentation, not a rule of any service.
import type { Consequence, Preview } from '@/engine/client';

export interface PreviewLine {
  text: string;
  /** Needs attention: data is overwritten, something waits, moves or goes offline. */
  warn: boolean;
}

const WARN_KINDS: ReadonlySet<Consequence['kind']> = new Set(['overwritten', 'queues', 'owner', 'offline']);

export function consequenceLine(consequence: Consequence): PreviewLine {
  return { text: consequence.text, warn: WARN_KINDS.has(consequence.kind) };
}

/** Every consequence of the previews, in order. */
export function previewLines(previews: readonly Preview[]): PreviewLine[] {
  return previews.flatMap((preview) => preview.consequences.map(consequenceLine));
}

/** The engine's refusals among the previews. */
export function refusalsOf(previews: readonly Preview[]): string[] {
  return previews.flatMap((preview) => (preview.allowed ? [] : [preview.refusal ?? 'the engine would refuse it']));
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * A toast's one line after the action ran: the foreseen consequences counted ("18 volumes moved to
 * controller B; 1 copy changed state"), or null when there were none.
 */
export function outcomeSummary(previews: readonly Preview[]): string | null {
  const consequences = previews.flatMap((preview) => preview.consequences);
  const movedTo = new Map<string, number>();
  for (const consequence of consequences) if (consequence.kind === 'owner') movedTo.set(consequence.to, (movedTo.get(consequence.to) ?? 0) + 1);
  const offline = consequences.filter((consequence) => consequence.kind === 'offline').length;
  const online = consequences.filter((consequence) => consequence.kind === 'online').length;
  // A state "change" to the same state says a copy stays as it is: not a change.
  const changed = new Set(
    consequences.flatMap((consequence) =>
      consequence.kind === 'state' && consequence.from !== consequence.to ? [consequence.copyId ?? consequence.copyName] : [],
    ),
  ).size;
  const parts = [
    ...[...movedTo].map(([slot, count]) => `${plural(count, 'volume', 'volumes')} moved to controller ${slot}`),
    ...(offline > 0 ? [`${plural(offline, 'volume', 'volumes')} went offline`] : []),
    ...(online > 0 ? [`${plural(online, 'volume', 'volumes')} came back online`] : []),
    ...(changed > 0 ? [`${plural(changed, 'copy', 'copies')} changed state`] : []),
  ];
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}
