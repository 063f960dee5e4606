'use client';
// "Create token": a name, a role cap no higher than your own, an optional expiry. The answer holds
// the secret, which the dialog shows once, with a copy button and an example; the server keeps
// only its hash, so closing the dialog is the last chance to copy it.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot, DialogTrigger, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { AlertIcon, CheckIcon, CopyIcon, PlusIcon } from '@/components/ui/icons';
import { Select } from '@/components/ui/select';
import { CreateTokenBody } from '@/lib/api/auth-schemas';
import { ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';
import { NO_FORM_ERRORS, schemaFieldErrors, serverFormErrors, type FieldErrors, type FormErrors } from '@/lib/client/form-errors';
import { rolesAtMost } from '@/lib/client/roles';
import { useCreateToken, type CreatedToken, type CreateTokenRequest } from '@/lib/client/use-tokens';

type TokenField = 'name' | 'role' | 'expiresInDays';

const LABELS: Record<TokenField, string> = { name: 'Name', role: 'Role cap', expiresInDays: 'Expiry' };
const FIELD_ORDER: TokenField[] = ['name', 'role', 'expiresInDays'];
const NAME_HINT = 'What uses it, e.g. nightly-backup. Up to 64 characters.';
const EXPIRY_HINT = 'Whole days, 1 to 3650. Leave empty for a token that does not expire.';

interface TokenFormValues {
  name: string;
  role: Role;
  expiresInDays: string;
}

function checkTokenForm(values: TokenFormValues, ownRole: Role): { errors: FieldErrors<TokenField>; request: CreateTokenRequest | null } {
  const days = values.expiresInDays.trim();
  const request: CreateTokenRequest = {
    name: values.name,
    // Your own role is the default: leaving it out means the same, and follows you if it changes down.
    ...(values.role === ownRole ? {} : { role: values.role }),
    ...(days === '' ? {} : { expiresInDays: Number(days) }),
  };
  const parsed = CreateTokenBody.safeParse(request);
  const errors = schemaFieldErrors(parsed.error, LABELS);
  if (days !== '' && !/^\d+$/.test(days)) errors.expiresInDays = 'Expiry must be a whole number of days';
  else if (days !== '' && errors.expiresInDays !== undefined) errors.expiresInDays = 'Expiry must be from 1 to 3650 days';
  return { errors, request: parsed.success && Object.keys(errors).length === 0 ? request : null };
}

function TokenForm({ ownRole, onCreated }: { ownRole: Role; onCreated: (token: CreatedToken) => void }) {
  const id = useId();
  const fieldId = (field: TokenField) => `${id}-${field}`;
  const [values, setValues] = useState<TokenFormValues>({ name: '', role: ownRole, expiresInDays: '' });
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FormErrors<TokenField>>(NO_FORM_ERRORS);
  const create = useCreateToken();
  const check = checkTokenForm(values, ownRole);
  const shown = (field: TokenField) => (submitted ? check.errors[field] : undefined) ?? server.fields[field];
  const errors = { name: shown('name'), role: shown('role'), expiresInDays: shown('expiresInDays') };

  function update(field: TokenField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => ({ fields: { ...current.fields, [field]: undefined }, form: [] }));
  }

  function focusFirst(fields: FieldErrors<TokenField>) {
    const first = FIELD_ORDER.find((field) => fields[field] !== undefined);
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (check.request === null) {
      focusFirst(check.errors);
      return;
    }
    create.mutate(check.request, {
      onSuccess: onCreated,
      onError: (error) => {
        const next = serverFormErrors(error, LABELS);
        setServer(next);
        focusFirst(next.fields);
      },
    });
  }

  const roleHint = `${ROLE_DESCRIPTIONS[values.role]}. A token never carries more than your own role (${ownRole}).`;
  return (
    <form onSubmit={submit} noValidate className="contents">
      <DialogBody>
        <div className="flex flex-col gap-3">
          <Field id={fieldId('name')} label="Name" error={errors.name} hint={NAME_HINT}>
            <input
              id={fieldId('name')}
              value={values.name}
              onChange={(event) => update('name', event.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.name !== undefined || undefined}
              aria-describedby={describedBy(fieldId('name'), errors.name, NAME_HINT)}
              className={inputClasses(errors.name !== undefined)}
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id={fieldId('role')} label="Role cap" error={errors.role}>
              <Select
                id={fieldId('role')}
                value={values.role}
                onValueChange={(role) => update('role', role)}
                options={rolesAtMost(ownRole).map((role) => ({ value: role, label: role === ownRole ? `${role} (your role)` : role, textValue: role }))}
                invalid={errors.role !== undefined}
                describedBy={`${id}-role-hint`}
                className="w-full"
              />
            </Field>
            <Field id={fieldId('expiresInDays')} label="Expires in (days)" error={errors.expiresInDays}>
              <input
                id={fieldId('expiresInDays')}
                value={values.expiresInDays}
                onChange={(event) => update('expiresInDays', event.target.value)}
                inputMode="numeric"
                autoComplete="off"
                placeholder="never"
                aria-invalid={errors.expiresInDays !== undefined || undefined}
                aria-describedby={describedBy(fieldId('expiresInDays'), errors.expiresInDays) ?? `${id}-expiry-hint`}
                className={`${inputClasses(errors.expiresInDays !== undefined)} tabular-nums`}
              />
            </Field>
          </div>
          <div className="flex flex-col gap-1 text-xs text-fg-subtle">
            <p id={`${id}-role-hint`}>Role cap: {roleHint}</p>
            <p id={`${id}-expiry-hint`}>Expiry: {EXPIRY_HINT}</p>
          </div>
          <FormAlert messages={server.form} />
        </div>
      </DialogBody>
      <FormDialogFooter pending={create.isPending} label="Create token" pendingLabel="Creating…" />
    </form>
  );
}

function CreatedSecret({ token }: { token: CreatedToken }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const example = `curl -H "Authorization: Bearer ${token.secret}" ${window.location.origin}/api/arrays`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopied(true);
      toast.success('Secret copied to the clipboard');
    } catch {
      toast.error('Could not copy', { description: 'Select the secret and copy it by hand.' });
    }
  }

  return (
    <>
      <DialogBody>
        <div className="flex flex-col gap-3">
          <p>
            Token <strong className="font-semibold">{token.name}</strong> was created with the role <strong className="font-semibold">{token.role}</strong>
            {token.expiresAt === null ? ', without expiry.' : `, expiring ${new Date(token.expiresAt).toLocaleDateString('en-CA')}.`}
          </p>
          <div role="alert" className="flex gap-2 rounded border border-warn/35 bg-warn-soft px-3 py-2 text-fg">
            <AlertIcon className="mt-0.5 shrink-0 text-warn" />
            <p>Copy the secret now: it will not be shown again. Grainline keeps only a hash of it; if it is lost, revoke the token and create another.</p>
          </div>
          <Field id={`${id}-secret`} label="Secret">
            <div className="flex gap-2">
              <input
                id={`${id}-secret`}
                readOnly
                autoFocus
                value={token.secret}
                onFocus={(event) => event.target.select()}
                spellCheck={false}
                className={`${inputClasses()} font-mono text-xs`}
              />
              <Button onClick={() => void copy()} aria-label={copied ? 'Secret copied' : 'Copy secret'}>
                {copied ? <CheckIcon /> : <CopyIcon />}
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
          </Field>
          <div className="flex flex-col gap-1">
            <p className="text-xs font-medium text-fg" id={`${id}-example`}>
              Try it
            </p>
            <pre
              aria-labelledby={`${id}-example`}
              className="overflow-x-auto rounded border border-line bg-surface-raised px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-all text-fg"
            >
              {example}
            </pre>
          </div>
        </div>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="primary">Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}

/** "Create token" button and its dialog: the form, then (once) the new secret. */
export function CreateTokenDialog({ ownRole }: { ownRole: Role }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // The secret leaves memory with the dialog.
        if (!next) setCreated(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary" size="sm">
          <PlusIcon />
          Create token
        </Button>
      </DialogTrigger>
      <DialogContent
        title={created === null ? 'Create API token' : 'API token created'}
        description={
          created === null ? 'For scripts and tools: they send it as "Authorization: Bearer <secret>" and act as you, within the role cap.' : undefined
        }
      >
        {created === null ? <TokenForm ownRole={ownRole} onCreated={setCreated} /> : <CreatedSecret token={created} />}
      </DialogContent>
    </DialogRoot>
  );
}
