'use client';
// Deleting is destructive and final, so it asks first and names exactly what goes.
import { useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/client/api-error';
import { toBigBytes } from '@/lib/client/types';
import { useDeleteVolume } from '@/lib/client/use-volume-mutations';
import { formatBytes } from '@/lib/units';
import type { VolumeRow } from './volume-row';

export function DeleteVolumeDialog({ volume, onClose }: { volume: VolumeRow | null; onClose: () => void }) {
  const remove = useDeleteVolume();
  const cancelRef = useRef<HTMLButtonElement>(null);

  function confirm() {
    if (volume === null) return;
    remove.mutate(volume, {
      onSuccess: () => {
        toast.success(`Volume ${volume.name} deleted`, { description: `Removed from ${volume.arrayName}.` });
        onClose();
      },
      onError: (error) => {
        toast.error(`Volume ${volume.name} was not deleted`, { description: errorMessage(error) });
        onClose();
      },
    });
  }

  return (
    <DialogRoot open={volume !== null} onOpenChange={(open) => !open && !remove.isPending && onClose()}>
      {volume !== null && (
        <DialogContent
          role="alertdialog"
          width="sm"
          title={`Delete volume ${volume.name}?`}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            cancelRef.current?.focus();
          }}
        >
          <DialogBody>
            <p>
              Volume <strong className="font-mono font-semibold">{volume.name}</strong> ({formatBytes(toBigBytes(volume.capacityBytes))}, pool {volume.poolName}
              ) will be removed from <strong className="font-semibold">{volume.arrayName}</strong> and its contents discarded. This cannot be undone.
            </p>
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button ref={cancelRef} disabled={remove.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" onClick={confirm} disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete volume'}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </DialogRoot>
  );
}
