'use client';
// Giving a volume to the other controller: it moves ownership, so it asks first and says what
// moves; a refusal (the target of a copy in progress follows its source) stays in the dialog.
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import type { StorageArray, Volume } from '@/lib/client/types';
import { useChangeVolumeOwner } from '@/lib/client/use-volume-mutations';

/** The compact button's id: the volume's row in the other controller's card has the same one after the move. */
function compactButtonId(volume: Volume): string {
  return `change-owner-${volume.id}`;
}

/**
 * A volume just given away from a controller card. Its row leaves this card and appears in the
 * other one, with a new button: that button takes the keyboard focus when it mounts, so focus
 * follows the volume instead of falling back to the page. Short-lived, in case the row never moves.
 */
let focusOnArrival: { volumeId: string; until: number } | null = null;

function takeArrivalFocus(volumeId: string): boolean {
  if (focusOnArrival === null || focusOnArrival.volumeId !== volumeId || Date.now() > focusOnArrival.until) return false;
  focusOnArrival = null;
  return true;
}

export function ChangeOwnerButton({
  volume,
  array,
  compact = false,
}: {
  volume: Volume;
  array: StorageArray | undefined;
  /** A small "→ B" for a table row (the array page's controller cards), named in full for screen readers. */
  compact?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const change = useChangeVolumeOwner();
  const compactRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (compact && takeArrivalFocus(volume.id)) compactRef.current?.focus();
  }, [compact, volume.id]);
  const to = volume.currentOwner === 'A' ? 'B' : 'A';
  const online = array?.controllers.find((controller) => controller.slot === to)?.status === 'online';
  // A snapshot belongs to its base's controller and moves with it (the server refuses otherwise).
  const offlineTitle =
    volume.snapshot !== null
      ? `${volume.name} is a snapshot volume: it follows its base's controller; change the base's owner instead`
      : online
        ? undefined
        : `Controller ${to} is offline: it cannot take ${volume.name}`;
  const close = () => {
    setOpen(false);
    change.reset();
  };
  const confirm = () => {
    // mutateAsync, not mutate's callbacks: on the array page the row moves to the other card (this
    // button unmounts) as soon as the lists refetch, and TanStack drops the callbacks of an
    // unmounted caller, which would swallow the toast. A refusal shows in the dialog from `change`.
    change.mutateAsync({ volumeId: volume.id, owner: to }).then(
      () => {
        if (compact) focusOnArrival = { volumeId: volume.id, until: Date.now() + 5_000 };
        setOpen(false);
        toast.success(`${volume.name} is owned by controller ${to}`);
      },
      () => undefined,
    );
  };
  return (
    <>
      {compact ? (
        <Button
          id={compactButtonId(volume)}
          ref={compactRef}
          size="sm"
          // Ghost, as the Copies table's row actions: a button on every row would outweigh the names.
          variant="ghost"
          onClick={() => setOpen(true)}
          disabled={!online || volume.snapshot !== null}
          aria-label={`Give ${volume.name} to controller ${to}…`}
          title={offlineTitle ?? `Give ${volume.name} to controller ${to}…`}
          data-testid="change-owner"
        >
          <span aria-hidden="true">→</span> {to}
        </Button>
      ) : (
        <Button onClick={() => setOpen(true)} disabled={!online || volume.snapshot !== null} title={offlineTitle} data-testid="change-owner">
          Give to controller {to}…
        </Button>
      )}
      <ConfirmDialog
        open={open}
        title={`Give ${volume.name} to controller ${to}?`}
        confirmLabel={`Give to controller ${to}`}
        pendingLabel="Moving…"
        pending={change.isPending}
        error={change.isError ? errorMessage(change.error) : null}
        tone="primary"
        onClose={close}
        onConfirm={confirm}
        // Back to the volume's button, in whichever card holds its row by the time the dialog closes.
        returnFocusId={compact ? compactButtonId(volume) : undefined}
      >
        <p>
          Controller {to} becomes the preferred and the current owner of {volume.name}: hosts reach it through controller {to}, and it returns there after a
          failover. The target of a volume copy in progress from {volume.name} moves with it.
        </p>
      </ConfirmDialog>
    </>
  );
}
