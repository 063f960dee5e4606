'use client';
// An admin sets a new password for someone who lost theirs. Their sessions end (whoever knew the
// old password is out); their API tokens keep working.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { DialogBody, DialogContent, DialogRoot, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Password } from '@/lib/auth/credential-rules';
import { hardNavigate } from '@/lib/client/hard-navigate';
import { serverFormErrors } from '@/lib/client/form-errors';
import { useUpdateUser, type User } from '@/lib/client/use-users';
import { PASSWORD_RULE } from './add-user-dialog';
import { userActionsId } from './user-actions-menu';

function ResetPasswordForm({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ password?: string; form: string[] }>({ form: [] });
  const update = useUpdateUser();

  const parsed = Password.safeParse(password);
  const passwordError = (submitted && !parsed.success ? `New password ${parsed.error.issues[0]?.message ?? 'is invalid'}` : undefined) ?? server.password;
  const confirmError = submitted && parsed.success && confirm !== password ? 'The two passwords differ' : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success || confirm !== password) {
      document.getElementById(parsed.success ? `${id}-confirm` : `${id}-password`)?.focus();
      return;
    }
    update.mutate(
      { id: user.id, change: { password } },
      {
        onSuccess: () => {
          toast.success(`Password of ${user.username} reset`, { description: 'Their sessions ended: they sign in again with the new password.' });
          if (isSelf) hardNavigate('/signin');
          else onClose();
        },
        onError: (error) => {
          const next = serverFormErrors(error, { password: 'New password' });
          setServer({ password: next.fields.password, form: next.form });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="contents">
      <DialogBody>
        <div className="flex flex-col gap-3">
          <p className="text-fg-muted">
            {isSelf
              ? 'This is you: every session of yours ends, this one included, and you sign in again with the new password.'
              : `${user.username} is signed out everywhere and signs in again with the new password. Their API tokens keep working.`}
          </p>
          <Field id={`${id}-password`} label="New password" error={passwordError} hint={PASSWORD_RULE}>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setServer({ form: [] });
              }}
              autoComplete="new-password"
              aria-invalid={passwordError !== undefined || undefined}
              aria-describedby={describedBy(`${id}-password`, passwordError, PASSWORD_RULE)}
              className={inputClasses(passwordError !== undefined)}
            />
          </Field>
          <Field id={`${id}-confirm`} label="Confirm new password" error={confirmError}>
            <input
              id={`${id}-confirm`}
              type="password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              autoComplete="new-password"
              aria-invalid={confirmError !== undefined || undefined}
              aria-describedby={describedBy(`${id}-confirm`, confirmError)}
              className={inputClasses(confirmError !== undefined)}
            />
          </Field>
          <FormAlert messages={server.form} />
        </div>
      </DialogBody>
      <FormDialogFooter pending={update.isPending} label="Reset password" pendingLabel="Resetting…" />
    </form>
  );
}

export function ResetPasswordDialog({ user, isSelf, onClose }: { user: User | null; isSelf: boolean; onClose: () => void }) {
  return (
    <DialogRoot open={user !== null} onOpenChange={(open) => !open && onClose()}>
      {user !== null && (
        <DialogContent
          title={`Reset password of ${user.username}`}
          width="sm"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            document.getElementById(userActionsId(user))?.focus();
          }}
        >
          <ResetPasswordForm key={user.id} user={user} isSelf={isSelf} onClose={onClose} />
        </DialogContent>
      )}
    </DialogRoot>
  );
}
