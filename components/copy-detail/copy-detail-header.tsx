'use client';
// Who and what: the relationship's name (what the arrays' own tools and the event log call it),
// then what it is (the service, the array) and what it pairs, source → target, each a link to its
// volume's page; its state with what it means in the vendor's words (the engine's state table),
// its number on the array, its consistency group (on DS6000, frozen until when, with Thaw for
// operators) and its last start; Rename for operators.
import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { simulatedTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import { FrozenBadge, ThawGroupButton } from '@/components/copies/group-freeze';
import { RenameButton } from '@/components/naming/rename-button';
import { PageHeader } from '@/components/ui/page-header';
import { volumeHref } from '@/components/volumes/volume-href';
import { tableFor, type ArrayModel } from '@/engine/client';
import { RELATIONSHIP_WORDS } from '@/lib/client/copy-services';
import { NAME_RULE_HINT, nameRuleProblem } from '@/lib/client/object-names';
import type { Copy, StorageArray, Volume } from '@/lib/client/types';
import { useConsistencyGroups } from '@/lib/client/use-consistency-groups';
import { useRenameCopy } from '@/lib/client/use-copy-mutations';
import { useRefetchOnChange } from '@/lib/client/use-refetch-on-change';
import { CopyState } from './copy-state';

function VolumeLink({ volume, fallbackId }: { volume: UseQueryResult<Volume>; fallbackId: string }) {
  if (volume.data === undefined) return <span className="font-mono">{fallbackId}</span>;
  return (
    <Link href={volumeHref(volume.data.id)} className="font-mono text-accent hover:underline">
      {volume.data.name}
    </Link>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1">
      <dt>{term}</dt>
      <dd className="text-fg">{children}</dd>
    </div>
  );
}

export function stateMeaning(copy: Copy): string | undefined {
  return tableFor(copy.model as ArrayModel).states[copy.state]?.meaning;
}

/** The group is asked again when the copy changes (a freeze or thaw of it changes its updatedAt), at most this often. */
const GROUP_REFETCH_MIN_INTERVAL_MS = 1_000;

/** The copy's consistency group by name; on DS6000 whether it holds its sources frozen, and Thaw. */
function GroupItem({ copy, groupId, canOperate }: { copy: Copy; groupId: string; canOperate: boolean }) {
  const groups = useConsistencyGroups(true);
  useRefetchOnChange(copy.updatedAt, groups.refetch, GROUP_REFETCH_MIN_INTERVAL_MS);
  const group = groups.data?.find((candidate) => candidate.id === groupId);
  return (
    <Item term="Consistency group">
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-mono">{group?.name ?? groupId}</span>
        {group !== undefined && <FrozenBadge group={group} />}
        {group?.frozen === true && canOperate && <ThawGroupButton group={group} />}
      </span>
    </Item>
  );
}

function RenameCopy({ copy, what }: { copy: Copy; what: string }) {
  const rename = useRenameCopy();
  return (
    <RenameButton
      what={what}
      currentName={copy.name}
      hint={NAME_RULE_HINT}
      check={nameRuleProblem}
      rename={(name) => rename.mutateAsync({ copyId: copy.id, name })}
    />
  );
}

export function CopyDetailHeader({
  copy,
  source,
  target,
  array,
  canOperate,
}: {
  copy: Copy;
  source: UseQueryResult<Volume>;
  target: UseQueryResult<Volume>;
  array: UseQueryResult<StorageArray>;
  canOperate: boolean;
}) {
  const what = RELATIONSHIP_WORDS[copy.model as ArrayModel].one;
  const meaning = stateMeaning(copy);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-xs text-fg-muted">
        <Link href="/copies" className="hover:text-fg hover:underline">
          Copies
        </Link>{' '}
        / <span className="font-mono text-fg">{copy.name}</span>
      </nav>
      <PageHeader
        title={<span className="font-mono break-all">{copy.name}</span>}
        description={
          <span className="flex flex-wrap items-baseline gap-x-1.5" data-testid="copy-identity">
            <span>
              {what.charAt(0).toUpperCase() + what.slice(1)} on{' '}
              <Link href={`/arrays/${encodeURIComponent(copy.arrayId)}`} className="text-accent hover:underline">
                {array.data?.name ?? copy.arrayId}
              </Link>
              :
            </span>
            <VolumeLink volume={source} fallbackId={copy.sourceVolumeId} />
            <span aria-label="to" className="text-fg-subtle">
              →
            </span>
            <VolumeLink volume={target} fallbackId={copy.targetVolumeId} />
          </span>
        }
        actions={canOperate ? <RenameCopy copy={copy} what={what} /> : undefined}
        meta={
          <>
            <dl className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-fg-muted">
              <Item term="State">
                <CopyState model={copy.model} state={copy.state} lastStarted={copy.lastStarted} />
              </Item>
              <Item term="Number">
                <span className="font-mono tabular-nums" title="The relationship's number on its array (SVC's mapping id)">
                  {copy.number}
                </span>
              </Item>
              {copy.consistencyGroupId !== null && <GroupItem copy={copy} groupId={copy.consistencyGroupId} canOperate={canOperate} />}
              {copy.lastStarted !== null && (
                <Item term="Last started">
                  <ClockTime time={simulatedTime(copy.lastStarted)} className="font-mono text-xs tabular-nums" />
                </Item>
              )}
            </dl>
            {meaning && (
              <p className="mt-1 max-w-3xl text-xs text-fg-muted" data-testid="state-meaning">
                {meaning}
              </p>
            )}
          </>
        }
      />
    </>
  );
}
