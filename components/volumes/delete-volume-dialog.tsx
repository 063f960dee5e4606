'use client';
// Deleting is destructive and final, so it asks first and names exactly what goes. A volume a
// relationship holds is said to be refused before the confirmation; a refusal from the server
// stays in the dialog in its words (the rule of every confirmation in the console).
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import { toBigBytes } from '@/lib/client/types';
import { useDeleteVolume } from '@/lib/client/use-volume-mutations';
import { formatBytes } from '@/lib/units';
import type { VolumeRow } from './volume-row';

export function DeleteVolumeDialog({ volume, onClose }: { volume: VolumeRow | null; onClose: () => void }) {
  const remove = useDeleteVolume();
  const close = () => {
    remove.reset();
    onClose();
  };
  // Roles come from copies and snapshots; a snapshot volume's own role goes with it.
  const holding = volume?.roles.filter((role) => role !== 'snapshot') ?? [];
  return (
    <ConfirmDialog
      open={volume !== null}
      title={`Delete volume ${volume?.name ?? ''}?`}
      confirmLabel="Delete volume"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (volume === null) return;
        remove.mutate(volume, {
          onSuccess: () => {
            toast.success(`Volume ${volume.name} deleted`, { description: `Removed from ${volume.arrayName}.` });
            close();
          },
        });
      }}
      onClose={close}
    >
      {volume !== null && (
        <>
          <p>
            Volume <strong className="font-mono font-semibold">{volume.name}</strong> ({formatBytes(toBigBytes(volume.capacityBytes))}, pool {volume.poolName})
            will be removed from <strong className="font-semibold">{volume.arrayName}</strong> and its contents discarded. This cannot be undone.
          </p>
          {holding.length > 0 && (
            <p className="mt-2 text-fg-muted" data-testid="delete-volume-held">
              It is the {holding.join(' and ')} of {holding.includes('base') ? 'snapshots or copy relationships' : 'a copy relationship'}: the array refuses to
              delete it until {holding.includes('base') ? 'they are' : 'that is'} removed.
            </p>
          )}
          {volume.snapshot !== null && (
            <p className="mt-2 text-fg-muted">It is a snapshot volume: deleting it ends the snapshot and releases its repository.</p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
