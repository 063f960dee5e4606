import { Badge, type BadgeTone } from '@/components/ui/badge';

/** Removals and failures stand out; additions and routine changes stay quiet. */
function toneOf(kind: string): BadgeTone {
  if (/(deleted|removed|failed|offline|error|lost|injected)/.test(kind)) return 'bad';
  if (/(created|added|restored|online|completed|cleared)/.test(kind)) return 'ok';
  return 'neutral';
}

export function EventKindBadge({ kind }: { kind: string }) {
  return <Badge tone={toneOf(kind)}>{kind}</Badge>;
}
