'use client';
// Changing a user's role: every role with what it may do, as radio buttons. Picking a lesser role
// turns the button into a red "Demote to …" and says what the user loses; the last admin's 409
// stays in the dialog.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { DialogBody, DialogContent, DialogRoot, FormDialogFooter } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { AlertIcon } from '@/components/ui/icons';
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@/lib/auth/roles';
import { capitalize } from '@/lib/client/form-errors';
import { errorMessage } from '@/lib/client/api-error';
import { hardNavigate } from '@/lib/client/hard-navigate';
import { isDemotion } from '@/lib/client/roles';
import { useUpdateUser, type User } from '@/lib/client/use-users';
import { userActionsId } from './user-actions-menu';

function RoleChoice({ name, role, current, checked, onChange }: { name: string; role: Role; current: boolean; checked: boolean; onChange: () => void }) {
  const id = useId();
  return (
    <label className="flex cursor-pointer items-start gap-2.5 rounded border border-line px-3 py-2 hover:bg-surface-hover has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--focus)]">
      <input
        type="radio"
        name={name}
        value={role}
        checked={checked}
        onChange={onChange}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-description`}
        className="mt-0.5 accent-[var(--accent)] focus-visible:outline-none"
      />
      <span className="min-w-0">
        <span id={`${id}-name`} className="font-medium text-fg">
          {role}
        </span>
        {current && <span className="ml-1.5 text-xs text-fg-subtle">current role</span>}
        <span id={`${id}-description`} className="block text-xs text-fg-muted">
          {ROLE_DESCRIPTIONS[role]}
        </span>
      </span>
    </label>
  );
}

function ChangeRoleForm({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const name = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateUser();
  const demotion = isDemotion(user.role, role);
  const unchanged = role === user.role;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (unchanged) return;
    update.mutate(
      { id: user.id, change: { role } },
      {
        onSuccess: (changed) => {
          toast.success(`${changed.username} is now ${/^[aeiou]/.test(changed.role) ? 'an' : 'a'} ${changed.role}`, {
            description: 'Their open sessions continue with the new role.',
          });
          // Demoting yourself ends your administration: reload so the page shows what you may still do.
          if (isSelf) hardNavigate('/users');
          else onClose();
        },
        onError: (caught) => setError(capitalize(errorMessage(caught))),
      },
    );
  }

  return (
    <form onSubmit={submit} className="contents">
      <DialogBody>
        <div className="flex flex-col gap-3">
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-xs font-medium text-fg">Role</legend>
            {ROLES.map((candidate) => (
              <RoleChoice
                key={candidate}
                name={name}
                role={candidate}
                current={candidate === user.role}
                checked={candidate === role}
                onChange={() => {
                  setRole(candidate);
                  setError(null);
                }}
              />
            ))}
          </fieldset>
          {demotion && (
            <div className="flex gap-2 rounded border border-warn/35 bg-warn-soft px-3 py-2 text-fg">
              <AlertIcon className="mt-0.5 shrink-0 text-warn" />
              <p>
                <strong className="font-semibold">{user.username}</strong> loses their {user.role} rights at once, in open sessions and in their API tokens. As{' '}
                {role}: {ROLE_DESCRIPTIONS[role].charAt(0).toLowerCase() + ROLE_DESCRIPTIONS[role].slice(1)}.
                {isSelf ? ' This is you: you will no longer manage users.' : ''}
              </p>
            </div>
          )}
          <FormAlert messages={error ? [error] : []} />
        </div>
      </DialogBody>
      <FormDialogFooter
        pending={update.isPending}
        disabled={unchanged}
        variant={demotion ? 'danger' : 'primary'}
        label={unchanged ? 'Change role' : demotion ? `Demote to ${role}` : `Promote to ${role}`}
        pendingLabel="Changing…"
      />
    </form>
  );
}

export function ChangeRoleDialog({ user, isSelf, onClose }: { user: User | null; isSelf: boolean; onClose: () => void }) {
  return (
    <DialogRoot open={user !== null} onOpenChange={(open) => !open && onClose()}>
      {user !== null && (
        <DialogContent
          title={`Change role of ${user.username}`}
          description={`Currently ${user.role}.`}
          width="sm"
          // Start on the current role, as arrow keys in a radio group expect.
          onOpenAutoFocus={(event) => {
            const checked = event.target instanceof HTMLElement ? event.target.querySelector<HTMLInputElement>('input[type="radio"]:checked') : null;
            if (checked === null) return;
            event.preventDefault();
            checked.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            document.getElementById(userActionsId(user))?.focus();
          }}
        >
          <ChangeRoleForm key={user.id} user={user} isSelf={isSelf} onClose={onClose} />
        </DialogContent>
      )}
    </DialogRoot>
  );
}
