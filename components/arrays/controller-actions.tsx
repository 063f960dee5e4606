'use client';
// Fail or restore one controller. Either asks first, showing what the engine says it will do
// (POST /api/preview: which volumes move where, which go offline, which copies change state);
// the console adds no words of its own about the rules. The outcome is a toast.
import { useState } from 'react';
import { toast } from 'sonner';
import { EnginePreview, previewAllows } from '@/components/preview/engine-preview';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { PreviewCommand } from '@/engine/client';
import { errorMessage } from '@/lib/client/api-error';
import { outcomeSummary } from '@/lib/client/preview-lines';
import type { Controller } from '@/lib/client/types';
import { useControllerAction } from '@/lib/client/use-faults';
import { usePreview } from '@/lib/client/use-preview';

export function ControllerActions({ arrayId, arrayName, controller }: { arrayId: string; arrayName: string; controller: Controller }) {
  const [confirming, setConfirming] = useState(false);
  const action = useControllerAction();
  const failing = controller.status === 'online';
  const command: PreviewCommand = failing
    ? { command: 'inject-fault', fault: { kind: 'controller-failure', arrayId, slot: controller.slot } }
    : { command: 'restore-controller', arrayId, slot: controller.slot };
  // Asked while the dialog is open; again if the controller changes meanwhile (another console).
  const preview = usePreview(confirming ? [command] : null, `${controller.slot}:${controller.status}`);
  const buttonId = `controller-${controller.slot}-${failing ? 'fail' : 'restore'}`;
  const close = () => {
    setConfirming(false);
    action.reset();
  };
  const run = () => {
    const foreseen = preview.data ?? [];
    action.mutate(
      { arrayId, slot: controller.slot, action: failing ? 'fail' : 'restore' },
      {
        onSuccess: () => {
          setConfirming(false);
          const description = outcomeSummary(foreseen) ?? undefined;
          if (failing) toast.warning(`Controller ${controller.slot} of ${arrayName} failed`, { description });
          else toast.success(`Controller ${controller.slot} of ${arrayName} restored`, { description });
        },
        onError: (error) => toast.error(`Controller ${controller.slot} was not ${failing ? 'failed' : 'restored'}`, { description: errorMessage(error) }),
      },
    );
  };
  return (
    <>
      <Button id={buttonId} size="sm" variant={failing ? 'secondary' : 'primary'} onClick={() => setConfirming(true)} disabled={action.isPending}>
        {failing ? 'Fail…' : 'Restore…'}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`${failing ? 'Fail' : 'Restore'} controller ${controller.slot} of ${arrayName}?`}
        confirmLabel={`${failing ? 'Fail' : 'Restore'} controller ${controller.slot}`}
        pendingLabel={failing ? 'Failing…' : 'Restoring…'}
        pending={action.isPending}
        confirmDisabled={!previewAllows(preview)}
        tone={failing ? 'danger' : 'primary'}
        error={action.isError ? errorMessage(action.error) : null}
        onConfirm={run}
        onClose={close}
        returnFocusId={buttonId}
      >
        <EnginePreview query={preview} testId={`controller-${controller.slot}-preview`} empty="No volume moves and no copy changes." />
        <p className="mt-2 text-xs text-fg-muted">
          {failing ? 'This simulates a hardware failure; Restore brings the controller back.' : 'This ends the simulated failure.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
