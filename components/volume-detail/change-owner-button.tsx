'use client';
// Giving a volume to the other controller: it moves ownership, so it asks first and says what
// moves; a refusal (the target of a copy in progress follows its source) stays in the dialog.
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import type { StorageArray, Volume } from '@/lib/client/types';
import { useChangeVolumeOwner } from '@/lib/client/use-volume-mutations';

export function ChangeOwnerButton({ volume, array }: { volume: Volume; array: StorageArray | undefined }) {
  const [open, setOpen] = useState(false);
  const change = useChangeVolumeOwner();
  const to = volume.currentOwner === 'A' ? 'B' : 'A';
  const online = array?.controllers.find((controller) => controller.slot === to)?.status === 'online';
  const close = () => {
    setOpen(false);
    change.reset();
  };
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={!online}
        title={online ? undefined : `Controller ${to} is offline: it cannot take ${volume.name}`}
        data-testid="change-owner"
      >
        Give to controller {to}…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Give ${volume.name} to controller ${to}?`}
        confirmLabel={`Give to controller ${to}`}
        pendingLabel="Moving…"
        pending={change.isPending}
        error={change.isError ? errorMessage(change.error) : null}
        tone="primary"
        onClose={close}
        onConfirm={() =>
          change.mutate(
            { volumeId: volume.id, owner: to },
            {
              onSuccess: () => {
                setOpen(false);
                toast.success(`${volume.name} is owned by controller ${to}`);
              },
            },
          )
        }
      >
        <p>
          Controller {to} becomes the preferred and the current owner of {volume.name}: hosts reach it through controller {to}, and it returns there after a
          failover. The target of a volume copy in progress from {volume.name} moves with it.
        </p>
      </ConfirmDialog>
    </>
  );
}
