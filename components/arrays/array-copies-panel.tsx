'use client';
// The array's copy relationships at a glance: each by its name, the service in the vendor's words,
// the volumes it copies from and onto by name, its state and how far it got. Live: the fleet's copy
// list is the cache socket.io pushes write into, so rows follow the engine without a refetch.
import Link from 'next/link';
import { useMemo } from 'react';
import { CopyProgressBar } from '@/components/copies/copy-progress';
import { CopyStateBadge } from '@/components/copies/copy-state-badge';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from '@/components/ui/card-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { volumeHref } from '@/components/volumes/volume-href';
import { RELATIONSHIP_WORDS, copyTypeName } from '@/lib/client/copy-services';
import type { Copy, StorageArray, Volume } from '@/lib/client/types';
import { useWatchCopies } from '@/lib/client/live-progress';
import { useCopies } from '@/lib/client/use-copies';

/** The panel lists at most this many relationships, newest first; the Copies page, filtered, shows them all. */
const MAX_LISTED_COPIES = 50;

const TITLE_ID = 'array-copies-title';
const HEAD_CELL = 'border-b border-line px-3 py-1.5 font-medium';
const CELL = `px-3 py-1.5 align-middle ${CARD_CELL}`;
// Every row of one array has the same service: in a panel narrower than 60rem (a window below about
// 1,200 px) its column gives way to the volume names. Phones show it, as a line of each row's card.
const TYPE_COLUMN = 'hidden @min-[60rem]:table-cell';

/** Newest first, so a relationship just created is on screen even when the array holds more than the panel lists. */
function newestFirst(a: Copy, b: Copy): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

function capitalized(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The fleet's list (one cache, kept live by pushes) cut down to this array. A query of its own with
 * `?arrayId=` would be a second cache that pushes do not write into.
 */
function useArrayCopies(arrayId: string) {
  const copies = useCopies();
  const onArray = useMemo(() => copies.data?.filter((copy) => copy.arrayId === arrayId).sort(newestFirst), [copies.data, arrayId]);
  return { copies, onArray };
}

function VolumeLink({ id, names }: { id: string; names: ReadonlyMap<string, string> | undefined }) {
  const name = names?.get(id);
  // Never an id on screen: while the array's volumes load (or a volume created a moment ago is not
  // in the list yet) the cell waits for the name.
  if (name === undefined)
    return (
      <span className="text-fg-subtle">
        <span aria-hidden="true">…</span>
        <span className="sr-only">loading</span>
      </span>
    );
  return (
    <Link href={volumeHref(id)} prefetch={false} className="block truncate font-mono text-xs text-fg hover:text-accent hover:underline" title={name}>
      {name}
    </Link>
  );
}

function CopyRow({ copy, names }: { copy: Copy; names: ReadonlyMap<string, string> | undefined }) {
  const typeName = copyTypeName(copy.model);
  return (
    <tr className={`border-b border-line last:border-b-0 hover:bg-surface-hover ${CARD_ROW}`} data-testid="array-copy" data-copy-id={copy.id}>
      <td className={CELL} data-label="Name">
        <Link
          href={`/copies/${encodeURIComponent(copy.id)}`}
          prefetch={false}
          className="block truncate font-mono text-xs text-accent hover:underline"
          title={copy.name}
        >
          {copy.name}
        </Link>
      </td>
      <td className={`${CELL} ${TYPE_COLUMN}`} data-label="Type">
        <span className="block truncate text-xs" title={typeName}>
          {typeName}
        </span>
      </td>
      <td className={CELL} data-label="Source" data-testid="array-copy-source">
        <VolumeLink id={copy.sourceVolumeId} names={names} />
      </td>
      <td className={CELL} data-label="Target" data-testid="array-copy-target">
        <VolumeLink id={copy.targetVolumeId} names={names} />
      </td>
      <td className={CELL} data-label="State" data-testid="array-copy-state">
        <CopyStateBadge state={copy.state} />
      </td>
      <td className={CELL} data-label="Progress">
        <CopyProgressBar copy={copy} />
      </td>
    </tr>
  );
}

export function ArrayCopiesPanel({ array, volumes, canOperate }: { array: StorageArray; volumes: Volume[] | undefined; canOperate: boolean }) {
  const { copies, onArray } = useArrayCopies(array.id);
  const names = useMemo(() => (volumes === undefined ? undefined : new Map(volumes.map((volume) => [volume.id, volume.name]))), [volumes]);
  const words = RELATIONSHIP_WORDS[array.model];
  const allHref = `/copies?array=${encodeURIComponent(array.id)}`;
  const listed = onArray?.slice(0, MAX_LISTED_COPIES) ?? [];
  useWatchCopies(listed.map((copy) => copy.id));
  const hidden = (onArray?.length ?? 0) - listed.length;
  return (
    <Panel
      title="Copy relationships"
      titleId={TITLE_ID}
      bodyClassName="@container"
      actions={
        onArray !== undefined && onArray.length > 0 ? (
          <>
            <span className="text-xs text-fg-muted" data-testid="array-copy-count">
              {onArray.length.toLocaleString('en-US')} {onArray.length === 1 ? words.one : words.many}
            </span>
            <Link href={allHref} className="text-xs text-accent hover:underline">
              Show all in Copies
            </Link>
          </>
        ) : undefined
      }
    >
      {onArray !== undefined ? (
        onArray.length === 0 ? (
          <EmptyState
            title="No copy relationships on this array yet"
            action={
              canOperate ? (
                <Link href={`/copies/new?array=${encodeURIComponent(array.id)}`} className="text-accent hover:underline">
                  Create a {words.one}
                </Link>
              ) : undefined
            }
          >
            {capitalized(words.many)} between volumes of {array.name} appear here, live, as soon as they are created.
          </EmptyState>
        ) : (
          <div className="max-h-[26rem] overflow-y-auto">
            <table className={`w-full table-fixed border-collapse text-left ${CARD_TABLE}`} aria-labelledby={TITLE_ID}>
              <thead className={`sticky top-0 bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
                <tr>
                  <th scope="col" className={`w-32 ${HEAD_CELL}`}>
                    Name
                  </th>
                  <th scope="col" className={`w-40 ${HEAD_CELL} ${TYPE_COLUMN}`}>
                    Type
                  </th>
                  {/* No width: source and target share what the fixed columns leave. */}
                  <th scope="col" className={HEAD_CELL}>
                    Source
                  </th>
                  <th scope="col" className={HEAD_CELL}>
                    Target
                  </th>
                  <th scope="col" className={`w-36 ${HEAD_CELL}`}>
                    State
                  </th>
                  <th scope="col" className={`w-40 ${HEAD_CELL}`}>
                    Progress
                  </th>
                </tr>
              </thead>
              <tbody className={CARD_BODY}>
                {listed.map((copy) => (
                  <CopyRow key={copy.id} copy={copy} names={names} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : copies.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load this array's copy relationships" error={copies.error} onRetry={() => void copies.refetch()} />
        </div>
      ) : (
        <TableSkeleton label="Loading the array's copy relationships" rows={3} columns={6} />
      )}
      {hidden > 0 && (
        <p className="border-t border-line px-3 py-2 text-xs text-fg-muted">
          {hidden.toLocaleString('en-US')} more.{' '}
          <Link href={allHref} className="text-accent hover:underline">
            Show all {words.many} of {array.name} in Copies
          </Link>
        </p>
      )}
    </Panel>
  );
}
