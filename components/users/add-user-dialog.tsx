'use client';
// "Add user": a username, a first password (its rule shown) typed twice as setup asks, and a role
// with what it may do. The fields are checked with the API's own schema; the server's answer lands
// in the same places. The password is typed blind, so a slip would lock the new user out.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogContent, DialogRoot, DialogTrigger, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { PlusIcon } from '@/components/ui/icons';
import { Select } from '@/components/ui/select';
import { CreateUserBody } from '@/lib/api/auth-schemas';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/credential-rules';
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@/lib/auth/roles';
import { NO_FORM_ERRORS, schemaFieldErrors, serverFormErrors, type FormErrors } from '@/lib/client/form-errors';
import { useCreateUser } from '@/lib/client/use-users';

type AddUserField = 'username' | 'password' | 'role';

const LABELS: Record<AddUserField, string> = { username: 'Username', password: 'Password', role: 'Role' };
const FIELD_ORDER: AddUserField[] = ['username', 'password', 'role'];
export const PASSWORD_RULE = `At least ${MIN_PASSWORD_LENGTH} characters.`;
export const PASSWORDS_DIFFER = 'The two passwords differ: type the same password in both.';
const USERNAME_HINT = 'Letters, digits and . _ @ - (2 to 64), starting with a letter or digit.';

function AddUserForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const fieldId = (field: AddUserField) => `${id}-${field}`;
  const [values, setValues] = useState<{ username: string; password: string; role: Role }>({ username: '', password: '', role: 'monitor' });
  const [touched, setTouched] = useState<ReadonlySet<AddUserField>>(new Set());
  const [confirm, setConfirm] = useState('');
  const [confirmTouched, setConfirmTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FormErrors<AddUserField>>(NO_FORM_ERRORS);
  const create = useCreateUser();

  const parsed = CreateUserBody.safeParse(values);
  const checks = schemaFieldErrors(parsed.error, LABELS);
  const shown = (field: AddUserField) => (submitted || touched.has(field) ? checks[field] : undefined) ?? server.fields[field];
  const errors = { username: shown('username'), password: shown('password'), role: shown('role') };
  const confirmError = (submitted || confirmTouched) && confirm !== values.password ? PASSWORDS_DIFFER : undefined;
  const confirmId = `${id}-confirm`;

  function update(field: AddUserField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => ({ fields: { ...current.fields, [field]: undefined }, form: [] }));
  }

  const touch = (field: AddUserField) => setTouched((current) => new Set(current).add(field));
  const focusFirst = (fields: Partial<Record<AddUserField, string>>) => {
    const first = FIELD_ORDER.find((field) => fields[field] !== undefined);
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success) {
      focusFirst(checks);
      return;
    }
    if (confirm !== values.password) {
      document.getElementById(confirmId)?.focus();
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        toast.success(`User ${user.username} added`, { description: `Role ${user.role}: ${ROLE_DESCRIPTIONS[user.role].toLowerCase()}.` });
        onDone();
      },
      onError: (error) => {
        const next = serverFormErrors(error, LABELS, 'username');
        setServer(next);
        focusFirst(next.fields);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="contents">
      <DialogBody>
        <div className="flex flex-col gap-3">
          <Field id={fieldId('username')} label="Username" error={errors.username} hint={USERNAME_HINT}>
            <input
              id={fieldId('username')}
              value={values.username}
              onChange={(event) => update('username', event.target.value)}
              onBlur={() => touch('username')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.username !== undefined || undefined}
              aria-describedby={describedBy(fieldId('username'), errors.username, USERNAME_HINT)}
              className={inputClasses(errors.username !== undefined)}
            />
          </Field>
          <Field id={fieldId('password')} label="Password" error={errors.password} hint={`${PASSWORD_RULE} They can change it on their Account page.`}>
            <input
              id={fieldId('password')}
              type="password"
              value={values.password}
              onChange={(event) => update('password', event.target.value)}
              onBlur={() => touch('password')}
              autoComplete="new-password"
              aria-invalid={errors.password !== undefined || undefined}
              aria-describedby={describedBy(fieldId('password'), errors.password, PASSWORD_RULE)}
              className={inputClasses(errors.password !== undefined)}
            />
          </Field>
          <Field id={confirmId} label="Confirm password" error={confirmError}>
            <input
              id={confirmId}
              type="password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              onBlur={() => setConfirmTouched(true)}
              autoComplete="new-password"
              aria-invalid={confirmError !== undefined || undefined}
              aria-describedby={describedBy(confirmId, confirmError)}
              className={inputClasses(confirmError !== undefined)}
            />
          </Field>
          <Field id={fieldId('role')} label="Role" error={errors.role} hint={ROLE_DESCRIPTIONS[values.role]}>
            <Select
              id={fieldId('role')}
              value={values.role}
              onValueChange={(role) => update('role', role)}
              options={ROLES.map((role) => ({ value: role, label: role }))}
              invalid={errors.role !== undefined}
              describedBy={describedBy(fieldId('role'), errors.role, ROLE_DESCRIPTIONS[values.role])}
              className="w-full"
            />
          </Field>
          <FormAlert messages={server.form} />
        </div>
      </DialogBody>
      <FormDialogFooter pending={create.isPending} label="Add user" pendingLabel="Adding…" />
    </form>
  );
}

/** "Add user" button and its dialog; the form remounts, empty, on every open. */
export function AddUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <PlusIcon />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent title="Add user" description="They sign in with this username and password, and may do what the role allows.">
        <AddUserForm onDone={() => setOpen(false)} />
      </DialogContent>
    </DialogRoot>
  );
}
