'use client';
// Deleting from the volume's own page: confirm first, naming what goes; a refusal (409 while the
// volume is in a copy relationship) stays in the dialog in the server's words.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TrashIcon } from '@/components/ui/icons';
import { errorMessage } from '@/lib/client/api-error';
import { toBigBytes, type Volume } from '@/lib/client/types';
import { useDeleteVolume } from '@/lib/client/use-volume-mutations';
import { formatBytes } from '@/lib/units';

const BUTTON_ID = 'delete-volume-button';

export function DeleteVolumeButton({
  volume,
  arrayName,
  poolName,
  relationshipCount,
  onDeleted,
}: {
  volume: Volume;
  arrayName: string;
  poolName: string;
  relationshipCount: number;
  onDeleted: (name: string) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useDeleteVolume({
    onDeleted: () => {
      onDeleted(volume.name);
      toast.success(`Volume ${volume.name} deleted`, { description: `Removed from ${arrayName}.` });
      router.push('/volumes');
    },
  });

  function close() {
    setOpen(false);
    remove.reset();
  }

  return (
    <>
      <Button id={BUTTON_ID} variant="secondary" onClick={() => setOpen(true)}>
        <TrashIcon /> Delete…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete volume ${volume.name}?`}
        confirmLabel="Delete volume"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => remove.mutate(volume)}
        onClose={close}
        returnFocusId={BUTTON_ID}
      >
        <p>
          Volume <strong className="font-mono font-semibold">{volume.name}</strong> ({formatBytes(toBigBytes(volume.capacityBytes))}, pool {poolName}) will be
          removed from <strong className="font-semibold">{arrayName}</strong> and its contents discarded. This cannot be undone.
        </p>
        {volume.roles.includes('base') && (
          <p className="mt-2 text-fg-muted">It is the base of snapshot volumes: the array refuses to delete it until they are deleted.</p>
        )}
        {volume.snapshot !== null && <p className="mt-2 text-fg-muted">It is a snapshot volume: deleting it ends the snapshot and releases its repository.</p>}
        {relationshipCount > 0 && (
          <p className="mt-2 text-fg-muted">
            It is in {relationshipCount === 1 ? 'a copy relationship' : `${relationshipCount} copy relationships`}: the array refuses to delete it until{' '}
            {relationshipCount === 1 ? 'that is' : 'they are'} removed.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
