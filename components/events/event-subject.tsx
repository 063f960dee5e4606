import Link from 'next/link';
import { volumeHref } from '@/components/volumes/volume-href';
import type { FleetEvent } from '@/lib/client/types';

function subjectName(event: FleetEvent): string | null {
  const details = event.details;
  if (typeof details === 'object' && details !== null && 'name' in details && typeof details.name === 'string') return details.name;
  return null;
}

/** A copy's events name its volumes (lib/persist/persister.ts): "source → target". */
function copyName(event: FleetEvent): string | null {
  const details = event.details;
  if (typeof details !== 'object' || details === null || !('source' in details) || !('target' in details)) return null;
  return `${String(details.source)} → ${String(details.target)}`;
}

/** What the event is about, linked to where it can be seen. */
export function EventSubject({ event }: { event: FleetEvent }) {
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
  if (event.subjectType === 'copy' && event.kind !== 'copy.removed') {
    return (
      <span>
        <span className="text-fg-subtle">copy </span>
        <Link href={`/copies/${encodeURIComponent(event.subjectId)}`} className="font-mono text-xs text-accent hover:underline">
          {copyName(event) ?? name}
        </Link>
      </span>
    );
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
      <span className="text-fg-subtle">{event.subjectType} </span>
      <span className={event.subjectType === 'volume' ? 'font-mono text-xs' : ''}>{name}</span>
    </span>
  );
}
