'use client';
// Who and what: source → target (each a link to its volume's page), the service, the
// array, and the state with what it means in the vendor's words (the engine's state table).
import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { volumeHref } from '@/components/volumes/volume-href';
import { tableFor } from '@/engine/copy/tables';
import type { ArrayModel } from '@/engine/model';
import { copyServiceOf } from '@/lib/client/copy-services';
import type { Copy, StorageArray, Volume } from '@/lib/client/types';
import { CopyState } from './copy-state';

function VolumeLink({ volume, fallbackId }: { volume: UseQueryResult<Volume>; fallbackId: string }) {
  if (volume.data === undefined) return <span className="font-mono">{fallbackId}</span>;
  return (
    <Link href={volumeHref(volume.data.id)} className="font-mono text-accent hover:underline">
      {volume.data.name}
    </Link>
  );
}

export function stateMeaning(copy: Copy): string | undefined {
  return tableFor(copy.model as ArrayModel).states[copy.state]?.meaning;
}

export function CopyDetailHeader({ copy, source, target, array }: { copy: Copy; source: UseQueryResult<Volume>; target: UseQueryResult<Volume>; array: UseQueryResult<StorageArray> }) {
  const service = copyServiceOf(copy.model as ArrayModel);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-xs text-fg-muted">
        <Link href="/copies" className="hover:text-fg hover:underline">
          Copies
        </Link>{' '}
        / <span className="font-mono text-fg">{copy.id}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-baseline gap-x-2">
            <VolumeLink volume={source} fallbackId={copy.sourceVolumeId} />
            <span aria-label="to" className="text-fg-subtle">
              →
            </span>
            <VolumeLink volume={target} fallbackId={copy.targetVolumeId} />
          </span>
        }
        meta={
          <>
            <dl className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-fg-muted">
              <div className="flex items-center gap-1">
                <dt>State</dt>
                <dd>
                  <CopyState model={copy.model} state={copy.state} />
                </dd>
              </div>
              <div className="flex gap-1">
                <dt>Service</dt>
                <dd className="text-fg">
                  {service.name} <span className="font-mono text-xs text-fg-subtle">({copy.type})</span>
                </dd>
              </div>
              <div className="flex gap-1">
                <dt>Array</dt>
                <dd>
                  <Link href={`/arrays/${encodeURIComponent(copy.arrayId)}`} className="text-accent hover:underline">
                    {array.data?.name ?? copy.arrayId}
                  </Link>
                </dd>
              </div>
              {copy.consistencyGroupId && (
                <div className="flex gap-1">
                  <dt>Consistency group</dt>
                  <dd className="font-mono text-fg">{copy.consistencyGroupId}</dd>
                </div>
              )}
            </dl>
            {stateMeaning(copy) && <p className="mt-1 max-w-3xl text-xs text-fg-muted" data-testid="state-meaning">{stateMeaning(copy)}</p>}
          </>
        }
      />
    </>
  );
}
