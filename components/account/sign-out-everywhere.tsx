'use client';
// Ends every session of yours, this browser's too, e.g. after using a shared computer. The page then
// loads the sign-in page afresh, so nothing of this session stays in memory.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SignOutIcon } from '@/components/ui/icons';
import { capitalize } from '@/lib/client/form-errors';
import { errorMessage } from '@/lib/client/api-error';
import { hardNavigate } from '@/lib/client/hard-navigate';
import { useSignOutEverywhere } from '@/lib/client/use-account';

const TRIGGER_ID = 'sign-out-everywhere';

export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOut = useSignOutEverywhere();

  function confirm() {
    signOut.mutate(undefined, {
      onSuccess: () => hardNavigate('/signin'),
      onError: (caught) => setError(capitalize(errorMessage(caught))),
    });
  }

  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-fg-muted">
        Signs you out of every browser where you are signed in, this one included. Your API tokens keep working; revoke them below.
      </p>
      <Button id={TRIGGER_ID} onClick={() => setOpen(true)}>
        <SignOutIcon />
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        // After success the page navigates away: keep the dialog busy until it does.
        pending={signOut.isPending || signOut.isSuccess}
        error={error}
        tone="primary"
        onConfirm={confirm}
        onClose={() => {
          setError(null);
          setOpen(false);
        }}
        returnFocusId={TRIGGER_ID}
      >
        <p>Every session of yours ends, here and in every other browser. You sign in again afterwards.</p>
      </ConfirmDialog>
    </div>
  );
}
