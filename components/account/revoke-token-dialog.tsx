'use client';
// Revoking takes effect at once: whatever uses the token gets 401 from its next request.
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { capitalize } from '@/lib/client/form-errors';
import { errorMessage } from '@/lib/client/api-error';
import { useRevokeToken, type ApiToken } from '@/lib/client/use-tokens';
import { revokeButtonId } from './tokens-table';

export function RevokeTokenDialog({ token, showOwner = false, onClose }: { token: ApiToken | null; showOwner?: boolean; onClose: () => void }) {
  const revoke = useRevokeToken();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    revoke.reset();
    onClose();
  };

  function confirm() {
    if (token === null) return;
    revoke.mutate(token, {
      onSuccess: () => {
        toast.success(`Token ${token.name} revoked`, { description: 'Requests that use it are refused from now on.' });
        close();
      },
      onError: (caught) => setError(capitalize(errorMessage(caught))),
    });
  }

  return (
    <ConfirmDialog
      open={token !== null}
      title={token === null ? '' : `Revoke token ${token.name}?`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={error}
      onConfirm={confirm}
      onClose={close}
      returnFocusId={token === null ? undefined : revokeButtonId(token)}
    >
      {token !== null && (
        <p>
          Token <strong className="font-semibold">{token.name}</strong> (<code className="font-mono text-xs">{token.prefix}…</code>
          {showOwner ? (
            <>
              , owned by <strong className="font-semibold">{token.username}</strong>
            </>
          ) : null}
          ) stops working at once: scripts and tools that use it get 401. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
