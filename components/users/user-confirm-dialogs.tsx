'use client';
// The two user actions that are a plain yes/no: sign out everywhere, and delete. Deleting the last
// admin is refused (409) and the refusal stays in the dialog.
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { capitalize } from '@/lib/client/form-errors';
import { errorMessage } from '@/lib/client/api-error';
import { hardNavigate } from '@/lib/client/hard-navigate';
import { useDeleteUser, useSignOutUser, type User } from '@/lib/client/use-users';
import { userActionsId } from './user-actions-menu';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

interface UserDialogProps {
  user: User | null;
  isSelf: boolean;
  onClose: () => void;
}

export function SignOutUserDialog({ user, isSelf, onClose }: UserDialogProps) {
  const signOut = useSignOutUser();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };

  function confirm() {
    if (user === null) return;
    signOut.mutate(user, {
      onSuccess: ({ endedSessions }) => {
        if (isSelf) return hardNavigate('/signin');
        toast.success(`${user.username} signed out everywhere`, { description: `${plural(endedSessions, 'session', 'sessions')} ended.` });
        close();
      },
      onError: (caught) => setError(capitalize(errorMessage(caught))),
    });
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user === null ? '' : `Sign ${user.username} out everywhere?`}
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      pending={signOut.isPending}
      error={error}
      tone="primary"
      onConfirm={confirm}
      onClose={close}
      returnFocusId={user === null ? undefined : userActionsId(user)}
    >
      {user !== null && (
        <p>
          {isSelf
            ? 'This is you: every session of yours ends, this one included.'
            : `Every browser where ${user.username} is signed in (${plural(user.sessions, 'session', 'sessions')}) is signed out at once.`}{' '}
          API tokens keep working; revoke those separately.
        </p>
      )}
    </ConfirmDialog>
  );
}

export function DeleteUserDialog({ user, isSelf, onClose }: UserDialogProps) {
  const remove = useDeleteUser();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };

  function confirm() {
    if (user === null) return;
    remove.mutate(user, {
      onSuccess: () => {
        if (isSelf) return hardNavigate('/signin');
        toast.success(`User ${user.username} deleted`);
        close();
      },
      onError: (caught) => setError(capitalize(errorMessage(caught))),
    });
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user === null ? '' : `Delete user ${user.username}?`}
      confirmLabel="Delete user"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={error}
      onConfirm={confirm}
      onClose={close}
      returnFocusId={user === null ? undefined : userActionsId(user)}
    >
      {user !== null && (
        <p>
          <strong className="font-semibold">{user.username}</strong> ({user.role}) is deleted with {plural(user.tokens, 'API token', 'API tokens')} and signed
          out of {plural(user.sessions, 'session', 'sessions')}.{isSelf ? ' This is you: you are signed out at once.' : ''} This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
