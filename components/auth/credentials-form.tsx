'use client';
// The username + password form behind both sign-in and first-run setup. On success the browser
// loads the destination afresh, so the console layout renders with the new session.
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { isApiError } from '@/lib/client/api-error';
import { hardNavigate } from '@/lib/client/hard-navigate';
import { postJson } from '@/lib/client/fetch-json';

interface FieldErrors {
  username?: string;
  password?: string;
}

export function CredentialsForm({
  endpoint,
  submitLabel,
  next,
  newPassword,
  passwordHint,
}: {
  endpoint: '/api/session' | '/api/setup';
  submitLabel: string;
  next: string;
  /** Setup chooses a password (with confirmation); sign-in types an existing one. */
  newPassword?: boolean;
  passwordHint?: string;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    if (newPassword && password !== confirm) {
      setFieldErrors({ password: 'the two passwords differ' });
      return;
    }
    setBusy(true);
    try {
      await postJson(endpoint, { username, password });
      hardNavigate(next);
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && Array.isArray(caught.details)) {
        const errors: FieldErrors = {};
        for (const detail of caught.details as { path?: string; message?: string }[]) {
          if (detail.path === 'username' || detail.path === 'password') errors[detail.path] = detail.message;
        }
        setFieldErrors(errors);
      }
      setError(isApiError(caught) ? caught.message : 'Something went wrong; try again.');
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3" noValidate>
      <Field id="username" label="Username" error={fieldErrors.username}>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          className={inputClasses(Boolean(fieldErrors.username))}
          aria-invalid={Boolean(fieldErrors.username)}
          aria-describedby={describedBy('username', fieldErrors.username)}
        />
      </Field>
      <Field id="password" label="Password" error={fieldErrors.password} hint={passwordHint}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={newPassword ? 'new-password' : 'current-password'}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className={inputClasses(Boolean(fieldErrors.password))}
          aria-invalid={Boolean(fieldErrors.password)}
          aria-describedby={describedBy('password', fieldErrors.password, passwordHint)}
        />
      </Field>
      {newPassword && (
        <Field id="confirm" label="Confirm password">
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            className={inputClasses()}
          />
        </Field>
      )}
      {error && (
        <p role="alert" className="rounded border border-bad/40 bg-bad/10 px-2 py-1.5 text-[13px] text-bad">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy} className="mt-1 w-full">
        {busy ? 'Please wait…' : submitLabel}
      </Button>
    </form>
  );
}
