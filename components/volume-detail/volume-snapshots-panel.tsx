'use client';
// SANtricity snapshots on the volume page. A snapshot volume shows its base, its state, the
// instant it presents and how full its repository is, with re-create, disable and "restore to
// base" (a volume copy from the snapshot onto its base, in the wizard). A base volume lists its
// snapshots and takes new ones.
import Link from 'next/link';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { ClockTime } from '@/components/ui/clock-time';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api-error';
import { simulatedTime } from '@/lib/client/clock-format';
import { useCan } from '@/lib/client/session';
import { toBigBytes, type Volume } from '@/lib/client/types';
import { useSnapshotAction, useSnapshotsOf, type SnapshotAction } from '@/lib/client/use-snapshots';
import { useVolume } from '@/lib/client/use-volume';
import { SNAPSHOTS_PER_BASE_MAX } from '@/engine/client';
import { formatBytes } from '@/lib/units';
import { TakeSnapshotDialog } from './take-snapshot-dialog';

type Snapshot = NonNullable<Volume['snapshot']>;

const STATE_TONES: Record<Snapshot['state'], BadgeTone> = { optimal: 'ok', disabled: 'neutral', failed: 'bad' };

function usedPercent(snapshot: Snapshot): number {
  const capacity = toBigBytes(snapshot.repositoryCapacityBytes);
  if (capacity === 0n) return 0;
  return Math.min(100, Number((toBigBytes(snapshot.repositoryUsedBytes) * 1000n) / capacity) / 10);
}

function RepositoryUse({ snapshot, name }: { snapshot: Snapshot; name: string }) {
  const percent = usedPercent(snapshot);
  return (
    <div className="flex min-w-40 flex-col gap-1" data-testid="snapshot-repository">
      <ProgressBar percent={percent} label={`Repository of ${name} in use`} />
      <span className="text-xs text-fg-muted tabular-nums">
        {formatBytes(toBigBytes(snapshot.repositoryUsedBytes))} of {formatBytes(toBigBytes(snapshot.repositoryCapacityBytes))} ({percent} %)
      </span>
    </div>
  );
}

const ACTION_WORDS: Record<
  SnapshotAction,
  { label: string; title: (name: string) => string; pending: string; done: string; text: (name: string, base: string) => string }
> = {
  recreate: {
    label: 'Re-create',
    title: (name) => `Re-create snapshot ${name}?`,
    pending: 'Re-creating…',
    done: 're-created',
    text: (name, base) =>
      `${name} will present ${base} as it is now. Its repository is emptied: the image it holds now, and anything written to ${name}, is lost.`,
  },
  disable: {
    label: 'Disable',
    title: (name) => `Disable snapshot ${name}?`,
    pending: 'Disabling…',
    done: 'disabled',
    text: (name, base) => `${base}'s writes stop saving old data for ${name}, which cannot be read until it is re-created (with a new image).`,
  },
};

function SnapshotActionButton({ volume, action, baseName, allowed }: { volume: Volume; action: SnapshotAction; baseName: string; allowed: boolean }) {
  const [open, setOpen] = useState(false);
  const run = useSnapshotAction(volume.id);
  const words = ACTION_WORDS[action];
  const buttonId = `snapshot-${action}`;
  return (
    <>
      <Button id={buttonId} size="sm" onClick={() => setOpen(true)} disabled={!allowed} data-testid={buttonId}>
        {words.label}…
      </Button>
      <ConfirmDialog
        open={open}
        title={words.title(volume.name)}
        confirmLabel={words.label}
        pendingLabel={words.pending}
        pending={run.isPending}
        error={run.isError ? errorMessage(run.error) : null}
        onClose={() => {
          setOpen(false);
          run.reset();
        }}
        onConfirm={() =>
          run.mutate(action, {
            onSuccess: () => {
              setOpen(false);
              toast.success(`Snapshot ${volume.name} ${words.done}`);
            },
          })
        }
        returnFocusId={buttonId}
      >
        <p>{words.text(volume.name, baseName)}</p>
      </ConfirmDialog>
    </>
  );
}

/** The panel of a snapshot volume. */
export function SnapshotPanel({ volume, snapshot }: { volume: Volume; snapshot: Snapshot }) {
  const base = useVolume(snapshot.baseVolumeId);
  const canOperate = useCan('operate');
  const baseName = base.data?.name ?? '…';
  const restoreHref = `/copies/new?step=options&array=${encodeURIComponent(volume.arrayId)}&source=${encodeURIComponent(volume.id)}&target=${encodeURIComponent(snapshot.baseVolumeId)}`;
  return (
    <Panel title="Snapshot" titleId="snapshot-title" bodyClassName="flex flex-col gap-2 p-3">
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5" data-testid="snapshot-panel">
        <dt className="text-fg-muted">Base volume</dt>
        <dd>
          <Link href={`/volumes/${encodeURIComponent(snapshot.baseVolumeId)}`} className="font-mono text-accent hover:underline">
            {baseName}
          </Link>
        </dd>
        <dt className="text-fg-muted">State</dt>
        <dd>
          <Badge tone={STATE_TONES[snapshot.state]} dot>
            <span data-testid="snapshot-state">{snapshot.state}</span>
          </Badge>
        </dd>
        <dt className="text-fg-muted">Point in time</dt>
        <dd>{snapshot.pointInTime === null ? '—' : <ClockTime time={simulatedTime(snapshot.pointInTime)} className="font-mono" />}</dd>
        <dt className="text-fg-muted">Repository</dt>
        <dd>
          <RepositoryUse snapshot={snapshot} name={volume.name} />
        </dd>
      </dl>
      <p className="text-xs text-fg-muted">
        {snapshot.state === 'optimal'
          ? `Presents ${baseName} as it was at that instant. Before ${baseName} changes a grain, the old data goes to the repository; when it is full, the snapshot fails.`
          : snapshot.state === 'failed'
            ? 'Failed: its repository filled up, or an I/O error struck. It no longer holds its image; re-create it for a new one.'
            : 'Disabled: no copy-on-write, and hosts cannot read it until it is re-created.'}
      </p>
      {canOperate && (
        <div className="flex flex-wrap gap-2">
          <SnapshotActionButton volume={volume} action="recreate" baseName={baseName} allowed />
          <SnapshotActionButton volume={volume} action="disable" baseName={baseName} allowed={snapshot.state === 'optimal'} />
          {snapshot.state === 'optimal' && (
            <Link href={restoreHref} className={buttonClasses('secondary', 'sm')} data-testid="restore-to-base">
              Restore to {baseName}…
            </Link>
          )}
        </div>
      )}
    </Panel>
  );
}

/** The panel of a SANtricity standard volume: its snapshots, and taking one. */
export function SnapshotsPanel({ volume }: { volume: Volume }) {
  const snapshots = useSnapshotsOf(volume);
  const canOperate = useCan('operate');
  const count = snapshots.snapshots?.length ?? 0;
  const full = count >= SNAPSHOTS_PER_BASE_MAX ? `${volume.name} already has ${count} snapshots, the most a base volume may have` : null;
  return (
    <Panel title="Snapshots" titleId="snapshots-title" actions={canOperate ? <TakeSnapshotDialog base={volume} disabledReason={full} /> : undefined}>
      {snapshots.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load the snapshots" error={snapshots.error} onRetry={() => void snapshots.refetch()} />
        </div>
      ) : snapshots.snapshots === undefined ? (
        <div className="p-3">
          <Skeleton className="h-4 w-56" />
        </div>
      ) : snapshots.snapshots.length === 0 ? (
        <p className="p-3 text-xs text-fg-subtle">No snapshots. A snapshot keeps this volume as it is now, saving only what changes afterwards.</p>
      ) : (
        <table className="w-full text-left text-[13px]" data-testid="snapshots-table">
          <thead className="text-xs text-fg-muted">
            <tr className="border-b border-line">
              <th className="px-3 py-1.5 font-medium">Name</th>
              <th className="px-3 py-1.5 font-medium">State</th>
              <th className="px-3 py-1.5 font-medium">Point in time</th>
              <th className="px-3 py-1.5 font-medium">Repository</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.snapshots.map((snapshotVolume) => {
              const snapshot = snapshotVolume.snapshot;
              if (snapshot === null) return null;
              return (
                <tr key={snapshotVolume.id} className="border-b border-line last:border-b-0">
                  <td className="px-3 py-1.5">
                    <Link href={`/volumes/${encodeURIComponent(snapshotVolume.id)}`} className="font-mono text-accent hover:underline">
                      {snapshotVolume.name}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5">
                    <Badge tone={STATE_TONES[snapshot.state]} dot>
                      {snapshot.state}
                    </Badge>
                  </td>
                  <td className="px-3 py-1.5">
                    {snapshot.pointInTime === null ? '—' : <ClockTime time={simulatedTime(snapshot.pointInTime)} className="font-mono" />}
                  </td>
                  <td className="px-3 py-1.5">
                    <RepositoryUse snapshot={snapshot} name={snapshotVolume.name} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
