'use client';
// The copy's history from the event log, newest first: creation, every state change with its cause,
// option changes, renames, moves between consistency groups, DS6000 freezes and thaws, and removal.
// New events arrive live (events.created merged by subject).
import { CopyStateBadge } from '@/components/copies/copy-state-badge';
import { eventTime, simulatedTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import type { ArrayModel } from '@/engine/client';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import type { Copy, FleetEvent } from '@/lib/client/types';
import { hasGroups, useGroupNames, type GroupNameOf } from '@/lib/client/use-consistency-groups';
import { useCopyTimeline } from '@/lib/client/use-copy-detail';
import { describeCause, describeThawCause } from './cause';

/** Details that only repeat who and what the copy is. */
const NAMING_KEYS = new Set(['name', 'type', 'source', 'target']);

function GroupRef({ id, groupName }: { id: string; groupName: GroupNameOf }) {
  const name = groupName(id);
  // A group deleted since has no name left to show; until the list arrives, its id stands in.
  if (name === null) return <span className="text-fg-muted">a consistency group deleted since</span>;
  return (
    <span>
      consistency group <span className="font-mono">{name ?? id}</span>
    </span>
  );
}

/** copy.group-changed: {fromGroup, toGroup}, each a group id or null (no group). */
function GroupChange({ from, to, groupName }: { from: unknown; to: unknown; groupName: GroupNameOf }) {
  const fromId = typeof from === 'string' ? from : null;
  const toId = typeof to === 'string' ? to : null;
  if (fromId === null && toId !== null)
    return (
      <span>
        Joined <GroupRef id={toId} groupName={groupName} />
      </span>
    );
  if (fromId !== null && toId === null)
    return (
      <span>
        Left <GroupRef id={fromId} groupName={groupName} />
      </span>
    );
  if (fromId !== null && toId !== null)
    return (
      <span>
        Moved from <GroupRef id={fromId} groupName={groupName} /> to <GroupRef id={toId} groupName={groupName} />
      </span>
    );
  return <span>Consistency group unchanged</span>;
}

/** copy.freeze-changed: {group, frozenUntil, cause}; frozenUntil null when the source was released. */
function FreezeChange({ details, groupName }: { details: Record<string, unknown>; groupName: GroupNameOf }) {
  const group = typeof details.group === 'string' ? <GroupRef id={details.group} groupName={groupName} /> : <span>its consistency group</span>;
  if (typeof details.frozenUntil === 'string') {
    return (
      <span>
        Source frozen by {group} until <ClockTime time={simulatedTime(details.frozenUntil)} className="font-mono text-xs" />
      </span>
    );
  }
  return <span>Source thawed: {describeThawCause(details.cause)}</span>;
}

function detailsOf(event: FleetEvent): Record<string, unknown> {
  return typeof event.details === 'object' && event.details !== null ? (event.details as Record<string, unknown>) : {};
}

function EventLine({ event, groupName }: { event: FleetEvent; groupName: GroupNameOf }) {
  const details = detailsOf(event);
  const cause = describeCause(details.cause);
  switch (event.kind) {
    case 'copy.created':
      return (
        <span className="flex flex-wrap items-center gap-1.5">
          Created in <CopyStateBadge state={String(details.state)} />
        </span>
      );
    case 'copy.state-changed':
      return (
        <span className="flex flex-wrap items-center gap-1.5">
          <CopyStateBadge state={String(details.from)} />
          <span aria-label="to">→</span>
          <CopyStateBadge state={String(details.to)} />
          {cause && <span className="text-fg-muted">{cause}</span>}
        </span>
      );
    case 'copy.options-changed': {
      const changes = Object.entries(details).filter(([key]) => !NAMING_KEYS.has(key));
      return <span>Options changed: {changes.map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ')}</span>;
    }
    case 'copy.renamed':
      return (
        <span>
          Renamed from <span className="font-mono">{String(details.from)}</span> to <span className="font-mono">{String(details.to)}</span>
        </span>
      );
    case 'copy.group-changed':
      return <GroupChange from={details.fromGroup} to={details.toGroup} groupName={groupName} />;
    case 'copy.freeze-changed':
      return <FreezeChange details={details} groupName={groupName} />;
    case 'copy.removed':
      return <span>Removed{cause ? ` (${cause})` : ''}</span>;
    default:
      return <span className="font-mono text-xs">{event.kind}</span>;
  }
}

export function CopyTimeline({ copy }: { copy: Copy }) {
  const events = useCopyTimeline(copy);
  const groupName = useGroupNames(hasGroups(copy.model as ArrayModel));
  return (
    <Panel
      title={
        <>
          Timeline <span className="text-xs font-normal text-fg-subtle">(simulated time)</span>
        </>
      }
      titleId="timeline-title"
    >
      {events.isError && events.data === undefined ? (
        <div className="p-3">
          <ErrorState title="Could not load this copy's history" error={events.error} onRetry={() => void events.refetch()} />
        </div>
      ) : events.data === undefined ? (
        <TableSkeleton label="Loading the timeline" rows={4} columns={3} />
      ) : events.data.length === 0 ? (
        <EmptyState title="No events yet">Nothing has been recorded for this copy.</EmptyState>
      ) : (
        <ol aria-labelledby="timeline-title" className="divide-y divide-line" data-testid="copy-timeline">
          {events.data.map((event) => (
            <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5">
              <ClockTime time={eventTime(event)} className="w-36 shrink-0 font-mono text-xs text-fg-muted" />
              <span className="min-w-0 flex-1">
                <EventLine event={event} groupName={groupName} />
              </span>
              <span className="text-xs text-fg-subtle">{event.actor}</span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
