import Link from 'next/link';
import { volumeHref } from '@/components/volumes/volume-href';
import type { FleetEvent } from '@/lib/client/types';

/** Subject types in words where the API's token is not one. */
const SUBJECT_WORDS: Partial<Record<string, string>> = { 'consistency-group': 'consistency group' };

/** The name the event's details give its subject (a volume's, a copy's, a group's, an array's). */
function subjectName(event: FleetEvent): string | null {
  const details = event.details;
  if (typeof details === 'object' && details !== null && 'name' in details && typeof details.name === 'string') return details.name;
  return null;
}

/** A copy's events name its volumes too (lib/persist/persister.ts): "source → target". */
function copyPair(event: FleetEvent): string | null {
  const details = event.details;
  if (typeof details !== 'object' || details === null || !('source' in details) || !('target' in details)) return null;
  return `${String(details.source)} → ${String(details.target)}`;
}

function CopySubject({ event, exists }: { event: FleetEvent; exists: boolean }) {
  // The relationship's name when the event was logged; events older than names only had the pair.
  const pair = copyPair(event);
  const label = subjectName(event) ?? pair ?? event.subjectId;
  const title = pair === null || pair === label ? undefined : pair;
  return (
    <span>
      <span className="text-fg-subtle">copy </span>
      {exists ? (
        <Link href={`/copies/${encodeURIComponent(event.subjectId)}`} className="font-mono text-xs text-accent hover:underline" title={title}>
          {label}
        </Link>
      ) : (
        <span className="font-mono text-xs" title={title}>
          {label}
        </span>
      )}
    </span>
  );
}

/**
 * What the event is about, linked to where it can be seen. `copyExists` says whether a copy's page
 * is still there (undefined while unknown: linked, as a removed copy's page says "not found").
 */
export function EventSubject({ event, copyExists }: { event: FleetEvent; copyExists?: ((copyId: string) => boolean) | undefined }) {
  const name = subjectName(event) ?? event.subjectId;
  if (event.subjectType === 'request') {
    // An audit line's subject is the request itself: method and path.
    return <span className="font-mono text-xs whitespace-nowrap">{event.subjectId}</span>;
  }
  if (event.subjectType === 'array') {
    return (
      <span>
        <span className="text-fg-subtle">array </span>
        <Link href={`/arrays/${event.subjectId}`} className="text-accent hover:underline">
          {name}
        </Link>
      </span>
    );
  }
  if (event.subjectType === 'copy') {
    return <CopySubject event={event} exists={event.kind !== 'copy.removed' && (copyExists?.(event.subjectId) ?? true)} />;
  }
  if (event.subjectType === 'volume' && event.kind !== 'volume.deleted') {
    return (
      <span>
        <span className="text-fg-subtle">volume </span>
        <Link href={volumeHref(event.subjectId)} className="font-mono text-xs text-accent hover:underline">
          {name}
        </Link>
      </span>
    );
  }
  return (
    <span>
      <span className="text-fg-subtle">{SUBJECT_WORDS[event.subjectType] ?? event.subjectType} </span>
      <span className={event.subjectType === 'volume' || event.subjectType === 'consistency-group' ? 'font-mono text-xs' : ''}>{name}</span>
    </span>
  );
}
