'use client';
// Changing your own password: the current one proves it is you, the new one follows the server's
// rule (checked here with the same schema), typed twice. Your other sessions end; this one stays.
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { ChangePasswordBody } from '@/lib/api/auth-schemas';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/credential-rules';
import { isApiError } from '@/lib/client/api-error';
import { capitalize, NO_FORM_ERRORS, schemaFieldErrors, serverFormErrors, type FieldErrors, type FormErrors } from '@/lib/client/form-errors';
import { useChangePassword } from '@/lib/client/use-account';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirm';

const LABELS: Record<PasswordField, string> = { currentPassword: 'Current password', newPassword: 'New password', confirm: 'Confirmation' };
const FIELD_ORDER: PasswordField[] = ['currentPassword', 'newPassword', 'confirm'];
const FIELD_IDS: Record<PasswordField, string> = { currentPassword: 'current-password', newPassword: 'new-password', confirm: 'confirm-password' };
const NEW_PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters.`;
const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

function checkForm(values: typeof EMPTY): FieldErrors<PasswordField> {
  const parsed = ChangePasswordBody.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  const errors = schemaFieldErrors(parsed.error, LABELS);
  // The schema's own message for an empty string is zod's generic one; say it plainly.
  if (values.currentPassword === '') errors.currentPassword = 'Current password is required';
  if (values.newPassword === '') errors.newPassword = 'New password is required';
  if (errors.newPassword === undefined && values.confirm !== values.newPassword) errors.confirm = 'The new password and its confirmation differ';
  return errors;
}

export function ChangePasswordForm({ username }: { username: string }) {
  const [values, setValues] = useState(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FormErrors<PasswordField>>(NO_FORM_ERRORS);
  const change = useChangePassword();

  const checks = checkForm(values);
  const shown = (field: PasswordField) => (submitted ? checks[field] : undefined) ?? server.fields[field];

  function update(field: PasswordField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => ({ fields: { ...current.fields, [field]: undefined }, form: [] }));
  }

  function focusFirst(errors: FieldErrors<PasswordField>) {
    const first = FIELD_ORDER.find((field) => errors[field] !== undefined);
    if (first !== undefined) document.getElementById(FIELD_IDS[first])?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checks).length > 0) {
      focusFirst(checks);
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          toast.success('Password changed', { description: 'Your other sessions were signed out; this one stays signed in.' });
          setValues(EMPTY);
          setSubmitted(false);
        },
        onError: (error) => {
          // 403: the current password is wrong, which belongs under that field.
          const next = isApiError(error, 403) ? { fields: { currentPassword: capitalize(error.message) }, form: [] } : serverFormErrors(error, LABELS);
          setServer(next);
          focusFirst(next.fields);
        },
      },
    );
  }

  const field = (name: PasswordField, autoComplete: string, hint?: string) => {
    const error = shown(name);
    const id = FIELD_IDS[name];
    return (
      <input
        id={id}
        type="password"
        value={values[name]}
        onChange={(event) => update(name, event.target.value)}
        autoComplete={autoComplete}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={inputClasses(error !== undefined)}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Change password">
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Field id={FIELD_IDS.currentPassword} label="Current password" error={shown('currentPassword')}>
        {field('currentPassword', 'current-password')}
      </Field>
      <Field id={FIELD_IDS.newPassword} label="New password" error={shown('newPassword')} hint={NEW_PASSWORD_HINT}>
        {field('newPassword', 'new-password', NEW_PASSWORD_HINT)}
      </Field>
      <Field id={FIELD_IDS.confirm} label="Confirm new password" error={shown('confirm')}>
        {field('confirm', 'new-password')}
      </Field>
      <FormAlert messages={server.form} />
      <div>
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}
