'use client';
// The volume's identity and access at a glance: its array and pool, capacity, status, whether
// hosts may write it now (and why not), its roles; Rename and Delete for operators.
import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NewCopyButton } from '@/components/copy-wizard/new-copy-button';
import { RenameButton } from '@/components/naming/rename-button';
import { Badge } from '@/components/ui/badge';
import { Hint } from '@/components/ui/hint';
import { PageHeader } from '@/components/ui/page-header';
import { VolumeStatusBadge } from '@/components/volumes/volume-status-badge';
import { useCan } from '@/lib/client/session';
import { toBigBytes, type StorageArray, type Volume } from '@/lib/client/types';
import { useRenameVolume } from '@/lib/client/use-volume-mutations';
import { VOLUME_NAME_HINT, volumeNameProblem } from '@/lib/client/volume-name';
import type { VolumeRelationship } from '@/lib/client/volume-relationships';
import { formatBytes } from '@/lib/units';
import { DeleteVolumeButton } from './delete-volume-button';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1">
      <dt>{term}</dt>
      <dd className="text-fg">{children}</dd>
    </div>
  );
}

function accessText(volume: Volume): string {
  if (volume.status !== 'online')
    return `The volume is ${volume.status}${volume.statusReason ? ` (${volume.statusReason})` : ''}: hosts can neither read nor write it.`;
  if (volume.readOnly)
    return `Hosts may read but not write it: its role (${volume.roles.join(', ')}) in its copy relationship's current state allows reads only. Writes are refused (423).`;
  return 'Hosts may read and write it.';
}

function RenameVolume({ volume }: { volume: Volume }) {
  const rename = useRenameVolume();
  return (
    <RenameButton
      what="volume"
      currentName={volume.name}
      hint={VOLUME_NAME_HINT}
      check={volumeNameProblem}
      rename={(name) => rename.mutateAsync({ volumeId: volume.id, name })}
    />
  );
}

export function VolumeDetailHeader({
  volume,
  array,
  relationships,
  onDeleted,
}: {
  volume: Volume;
  array: UseQueryResult<StorageArray>;
  relationships: VolumeRelationship[] | undefined;
  onDeleted: (name: string) => void;
}) {
  const canOperate = useCan('operate');
  const arrayName = array.data?.name ?? volume.arrayId;
  const poolName = array.data?.pools.find((pool) => pool.id === volume.poolId)?.name ?? volume.poolId;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-xs text-fg-muted">
        <Link href="/volumes" className="hover:text-fg hover:underline">
          Volumes
        </Link>{' '}
        / <span className="font-mono text-fg">{volume.name}</span>
      </nav>
      <PageHeader
        title={<span className="font-mono break-all">{volume.name}</span>}
        actions={
          canOperate ? (
            <>
              <NewCopyButton source={volume} variant="secondary" />
              <RenameVolume volume={volume} />
              <DeleteVolumeButton
                volume={volume}
                arrayName={arrayName}
                poolName={poolName}
                relationshipCount={relationships?.length ?? 0}
                onDeleted={onDeleted}
              />
            </>
          ) : undefined
        }
        meta={
          <dl className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-fg-muted">
            <Item term="Array">
              <Link href={`/arrays/${encodeURIComponent(volume.arrayId)}`} className="text-accent hover:underline">
                {arrayName}
              </Link>
            </Item>
            <Item term="Pool">{poolName}</Item>
            <Item term="Capacity">
              <span className="tabular-nums" data-testid="volume-capacity">
                {formatBytes(toBigBytes(volume.capacityBytes))}
              </span>
            </Item>
            <Item term="Status">
              <VolumeStatusBadge status={volume.status} reason={volume.statusReason} />
            </Item>
            <Item term="Host access">
              <Hint content={accessText(volume)}>
                <button
                  type="button"
                  className="rounded"
                  aria-label={`Host access: ${volume.readOnly ? 'read-only' : volume.status === 'online' ? 'read/write' : 'none'}. ${accessText(volume)}`}
                  data-testid="volume-access"
                >
                  {volume.readOnly ? (
                    <Badge tone="warn">read-only</Badge>
                  ) : volume.status === 'online' ? (
                    <Badge tone="neutral">read/write</Badge>
                  ) : (
                    <Badge tone="bad">no access</Badge>
                  )}
                </button>
              </Hint>
            </Item>
            <Item term="Roles">
              {volume.roles.length === 0 ? (
                <span className="text-fg-subtle">none</span>
              ) : (
                <span className="flex gap-1" data-testid="volume-roles">
                  {volume.roles.map((role) => (
                    <Badge key={role} tone="accent">
                      {role}
                    </Badge>
                  ))}
                </span>
              )}
            </Item>
            {volume.imageNote ? (
              <Item term="Data">
                <Hint content={`${volume.imageNote}. Establish a copy onto it again for a complete image.`}>
                  <button type="button" className="rounded" aria-label={`Data: ${volume.imageNote}`} data-testid="volume-image-note">
                    <Badge tone="warn">incomplete image</Badge>
                  </button>
                </Hint>
              </Item>
            ) : null}
          </dl>
        }
      />
    </>
  );
}
