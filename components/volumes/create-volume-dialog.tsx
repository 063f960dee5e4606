'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { PlusIcon } from '@/components/ui/icons';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useArrays } from '@/lib/client/use-arrays';
import { CreateVolumeForm } from './create-volume-form';

/** "Create volume" button and its dialog; the form remounts, empty, on every open. */
export function CreateVolumeDialog({ defaultArrayId }: { defaultArrayId?: string }) {
  const [open, setOpen] = useState(false);
  const arrays = useArrays();
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <PlusIcon />
          Create volume
        </Button>
      </DialogTrigger>
      <DialogContent title="Create volume" description="Allocate a new volume from a pool. It starts unpaired and online.">
        {arrays.isError ? (
          <div className="p-4">
            <ErrorState title="Could not load the arrays" error={arrays.error} onRetry={() => void arrays.refetch()} />
          </div>
        ) : arrays.isPending ? (
          <TableSkeleton label="Loading arrays" rows={4} columns={2} />
        ) : (
          <CreateVolumeForm arrays={arrays.data} defaultArrayId={defaultArrayId} onDone={() => setOpen(false)} />
        )}
      </DialogContent>
    </DialogRoot>
  );
}
