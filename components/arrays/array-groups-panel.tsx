'use client';
// The array's consistency groups (Storwize, XP7 CTGs and DS6000: docs/domain.md#consistency-groups):
// each by its name, its state (a member state), its members by name, and on DS6000 whether it
// holds its sources frozen and until when, with Thaw; for operators, the group's actions. Groups are not pushed: they are asked
// again when a member changes in the pushed copy list (a freeze, a thaw or its timeout included).
import Link from 'next/link';
import { useMemo } from 'react';
import { CopyStateBadge } from '@/components/copies/copy-state-badge';
import { FrozenBadge, ThawGroupButton } from '@/components/copies/group-freeze';
import type { ArrayModel } from '@/engine/client';
import { GroupActionsMenu } from './group-actions-menu';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from '@/components/ui/card-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { RELATIONSHIP_WORDS } from '@/lib/client/copy-services';
import type { Copy, StorageArray } from '@/lib/client/types';
import { groupsBasis, groupsFreeze, useConsistencyGroups, type ConsistencyGroup } from '@/lib/client/use-consistency-groups';
import { useWatchCopies } from '@/lib/client/live-progress';
import { useCopies } from '@/lib/client/use-copies';
import { useRefetchOnChange } from '@/lib/client/use-refetch-on-change';

const TITLE_ID = 'array-groups-title';
const HEAD_CELL = 'border-b border-line px-3 py-1.5 font-medium';
const CELL = `px-3 py-1.5 align-middle ${CARD_CELL}`;
/** Members named in a row; the rest are counted. */
const MEMBERS_LISTED_MAX = 6;
/** A copying group's members change every progress push: its row is asked again at most this often. */
const GROUPS_REFETCH_MIN_INTERVAL_MS = 1_000;

function Members({ group, names }: { group: ConsistencyGroup; names: ReadonlyMap<string, string> }) {
  if (group.memberIds.length === 0) return <span className="text-xs text-fg-subtle">none</span>;
  const listed = group.memberIds.slice(0, MEMBERS_LISTED_MAX);
  const more = group.memberIds.length - listed.length;
  return (
    <span className="flex flex-wrap gap-x-2 gap-y-0.5">
      {listed.map((id) => (
        <Link key={id} href={`/copies/${encodeURIComponent(id)}`} prefetch={false} className="font-mono text-xs text-accent hover:underline">
          {names.get(id) ?? '…'}
        </Link>
      ))}
      {more > 0 && <span className="text-xs text-fg-muted">+{more} more</span>}
    </span>
  );
}

function GroupRow({
  group,
  model,
  names,
  freezes,
  canOperate,
}: {
  group: ConsistencyGroup;
  model: ArrayModel;
  names: ReadonlyMap<string, string>;
  freezes: boolean;
  canOperate: boolean;
}) {
  return (
    <tr className={`border-b border-line last:border-b-0 hover:bg-surface-hover ${CARD_ROW}`} data-testid="array-group" data-group-id={group.id}>
      <td className={CELL} data-label="Name">
        <span className="block truncate font-mono text-xs text-fg" title={group.name}>
          {group.name}
        </span>
      </td>
      <td className={CELL} data-label="State">
        <CopyStateBadge state={group.state} />
      </td>
      <td className={CELL} data-label="Members">
        <Members group={group} names={names} />
      </td>
      {freezes && (
        <td className={CELL} data-label="Freeze">
          {group.frozen ? <FrozenBadge group={group} /> : <span className="text-xs text-fg-subtle">not frozen</span>}
        </td>
      )}
      {canOperate && (
        <td className={`${CELL} text-right`} data-label="Actions">
          <span className="inline-flex flex-wrap justify-end gap-1">
            {freezes && group.frozen && <ThawGroupButton group={group} />}
            <GroupActionsMenu group={group} model={model} />
          </span>
        </td>
      )}
    </tr>
  );
}

function groupMemberIds(groups: readonly ConsistencyGroup[], copies: readonly Copy[]): string[] {
  const grouped = new Set(groups.map((group) => group.id));
  return copies.filter((copy) => copy.consistencyGroupId !== null && grouped.has(copy.consistencyGroupId)).map((copy) => copy.id);
}

export function ArrayGroupsPanel({ array, canOperate }: { array: StorageArray; canOperate: boolean }) {
  const groups = useConsistencyGroups(true);
  const copies = useCopies();
  const onArray = useMemo(() => groups.data?.filter((group) => group.arrayId === array.id).sort((a, b) => a.number - b.number), [groups.data, array.id]);
  const names = useMemo(() => new Map((copies.data ?? []).map((copy) => [copy.id, copy.name])), [copies.data]);
  useRefetchOnChange(groupsBasis(onArray ?? [], copies.data ?? []), groups.refetch, GROUPS_REFETCH_MIN_INTERVAL_MS);
  // A group's row follows its members' progress: they are watched while the panel shows.
  useWatchCopies(useMemo(() => groupMemberIds(onArray ?? [], copies.data ?? []), [onArray, copies.data]));
  const freezes = groupsFreeze(array.model);
  const words = RELATIONSHIP_WORDS[array.model];
  return (
    <Panel title="Consistency groups" titleId={TITLE_ID} bodyClassName="@container">
      {onArray !== undefined ? (
        onArray.length === 0 ? (
          <EmptyState title="No consistency groups on this array">
            {freezes
              ? `A group holds the sources of the ${words.many} established into it with freeze until it is thawed, so their targets form a consistent set.`
              : array.model === 'xp7'
                ? `A consistency group (CTG) splits its ${words.many} at one instant, so their S-VOLs form a consistent set.`
                : `A group prepares, starts and stops its ${words.many} together, at one point in time.`}{' '}
            The copy wizard creates one (Consistency group: New group).
          </EmptyState>
        ) : (
          <div className="max-h-[20rem] overflow-y-auto">
            <table className={`w-full table-fixed border-collapse text-left ${CARD_TABLE}`} aria-labelledby={TITLE_ID}>
              <thead className={`sticky top-0 bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
                <tr>
                  <th scope="col" className={`w-48 ${HEAD_CELL}`}>
                    Name
                  </th>
                  <th scope="col" className={`w-36 ${HEAD_CELL}`}>
                    State
                  </th>
                  <th scope="col" className={HEAD_CELL}>
                    Members
                  </th>
                  {freezes && (
                    <th scope="col" className={`w-44 ${HEAD_CELL}`}>
                      Freeze
                    </th>
                  )}
                  {canOperate && (
                    <th scope="col" className={`${freezes ? 'w-44' : 'w-28'} ${HEAD_CELL}`}>
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className={CARD_BODY}>
                {onArray.map((group) => (
                  <GroupRow key={group.id} group={group} model={array.model} names={names} freezes={freezes} canOperate={canOperate} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : groups.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load this array's consistency groups" error={groups.error} onRetry={() => void groups.refetch()} />
        </div>
      ) : (
        <TableSkeleton label="Loading the array's consistency groups" rows={2} columns={4} />
      )}
    </Panel>
  );
}
