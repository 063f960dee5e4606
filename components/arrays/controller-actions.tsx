'use client';
// Fail or restore one controller. Failing asks first, naming what will move (or, for the last
// online controller, that every volume goes offline); restoring just happens, with a toast.
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import type { ArrayModel } from '@/engine/model';
import type { Controller } from '@/lib/client/types';
import { useControllerAction } from '@/lib/client/use-faults';

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** What losing every path does to the model's copies (engine/faults/fault.ts ARRAY_DOWN_EVENT). */
const ARRAY_DOWN_COPIES: Record<ArrayModel, string> = {
  santricity: 'Volume copies pending or in progress fail.',
  xp7: 'ShadowImage pairs go to PSUE.',
  storwize: 'FlashCopy mappings keep their state and pause until a controller returns.',
  ds6000: 'FlashCopy relationships pause until a controller returns.',
};

function failConsequence(model: ArrayModel, arrayName: string, controller: Controller, survivor: Controller | undefined, ownedCount: number, arrayVolumeCount: number): string {
  if (survivor === undefined || survivor.status !== 'online') {
    return `Controller ${survivor?.slot ?? 'B'} is offline too: every volume of ${arrayName} (${plural(arrayVolumeCount, 'volume')}) goes offline and hosts cannot reach it. ${ARRAY_DOWN_COPIES[model]}`;
  }
  const moving = ownedCount === 1 ? '1 volume moves' : `${ownedCount.toLocaleString('en-US')} volumes move`;
  return `${moving} to controller ${survivor.slot}. Copies continue there and nothing already copied is lost; the volumes come back when controller ${controller.slot} is restored.`;
}

export function ControllerActions({ arrayId, arrayName, model, controller, survivor, ownedCount, arrayVolumeCount }: {
  arrayId: string;
  model: ArrayModel;
  arrayName: string;
  controller: Controller;
  survivor: Controller | undefined;
  ownedCount: number;
  arrayVolumeCount: number;
}) {
  const [confirming, setConfirming] = useState(false);
  const action = useControllerAction();
  const buttonId = `controller-${controller.slot}-fail`;
  if (controller.status === 'offline') {
    const restore = () =>
      action.mutate(
        { arrayId, slot: controller.slot, action: 'restore' },
        {
          onSuccess: () => toast.success(`Controller ${controller.slot} restored`, { description: `Volumes of ${arrayName} fail back to their preferred controller.` }),
          onError: (error) => toast.error(`Controller ${controller.slot} was not restored`, { description: errorMessage(error) }),
        },
      );
    return (
      <Button size="sm" variant="primary" onClick={restore} disabled={action.isPending}>
        {action.isPending ? 'Restoring…' : 'Restore'}
      </Button>
    );
  }
  const fail = () =>
    action.mutate(
      { arrayId, slot: controller.slot, action: 'fail' },
      {
        onSuccess: (array) => {
          setConfirming(false);
          const survivorNow = array.controllers.find((c) => c.slot !== controller.slot);
          toast.warning(`Controller ${controller.slot} failed`, { description: survivorNow?.status === 'online' ? `Controller ${survivorNow.slot} took over its volumes.` : `No controller of ${arrayName} is online: its volumes are offline.` });
        },
      },
    );
  return (
    <>
      <Button id={buttonId} size="sm" onClick={() => setConfirming(true)} disabled={action.isPending}>
        Fail…
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Fail controller ${controller.slot} of ${arrayName}?`}
        confirmLabel={`Fail controller ${controller.slot}`}
        pendingLabel="Failing…"
        pending={action.isPending}
        error={action.isError ? errorMessage(action.error) : null}
        onConfirm={fail}
        onClose={() => {
          setConfirming(false);
          action.reset();
        }}
        returnFocusId={buttonId}
      >
        <p>{failConsequence(model, arrayName, controller, survivor, ownedCount, arrayVolumeCount)}</p>
        <p className="mt-2 text-xs text-fg-muted">This simulates a hardware failure; Restore brings the controller back.</p>
      </ConfirmDialog>
    </>
  );
}
