'use client';
// The copy's options: editable where the service allows it after creation (PATCH /api/copies/:id
// with only what changed), shown read-only otherwise and to monitors. Fields nobody is editing
// follow pushed changes; the server's refusals appear under the field they name.
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, describedBy, inputClasses } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { errorMessage, isApiError } from '@/lib/client/api-error';
import type { Copy } from '@/lib/client/types';
import { useCopyOptions } from '@/lib/client/use-copy-mutations';
import { describeValue, displayValue, isEditable, optionFieldsOf, type OptionField } from '@/lib/client/option-fields';

/** What the form holds for a field being edited: text for numbers (half-typed values are fine). */
type Draft = Record<string, string | boolean>;

/** The draft's value as the API wants it, or an error for this field. */
function parsed(field: OptionField, value: string | boolean): { value: unknown } | { error: string } {
  if (field.kind !== 'number') return { value };
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) return { error: `must be a whole number from ${field.min} to ${field.max}` };
  return { value: Number(text) };
}

/** 422 reasons and 400 issues name their option ("copyRate: must be …"); the rest is for the form. */
function errorsByField(error: unknown, names: string[]): { fields: Record<string, string>; form: string | null } {
  const fields: Record<string, string> = {};
  const messages = isApiError(error) ? [...error.reasons(), ...error.issues().map((issue) => `${issue.path.replace(/^options\./, '')}: ${issue.message}`)] : [];
  for (const message of messages) {
    const name = names.find((candidate) => message.startsWith(`${candidate}:`));
    if (name !== undefined) fields[name] = message.slice(name.length + 1).trim();
  }
  return { fields, form: Object.keys(fields).length > 0 ? null : errorMessage(error) };
}

function ReadOnlyOptions({ copy, fields }: { copy: Copy; fields: OptionField[] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5" data-testid="copy-options-readonly">
      {fields.map((field) => (
        <div key={field.name} className="contents">
          <dt className="text-fg-muted">{field.label}</dt>
          <dd className="min-w-0">
            <span className="font-medium text-fg">{displayValue(field, copy.options[field.name])}</span>
            {describeValue(field, copy.options[field.name]) && <span className="text-fg-subtle"> · {describeValue(field, copy.options[field.name])}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function OptionInput({
  field,
  id,
  value,
  error,
  hint,
  disabled,
  onChange,
}: {
  field: OptionField;
  id: string;
  value: string | boolean;
  error?: string;
  hint?: string;
  disabled: boolean;
  onChange: (value: string | boolean) => void;
}) {
  const described = describedBy(id, error, hint);
  if (field.kind === 'choice') {
    return (
      <Select
        id={id}
        value={String(value)}
        onValueChange={onChange}
        options={field.choices.map((choice) => ({ value: choice, label: choice, hint: field.describe(choice) }))}
        disabled={disabled}
        invalid={error !== undefined}
        describedBy={described}
        className="w-full"
      />
    );
  }
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={field.kind === 'number' ? field.min : undefined}
      max={field.kind === 'number' ? field.max : undefined}
      step={1}
      value={String(value)}
      onChange={(event) => onChange(event.target.value)}
      disabled={disabled}
      aria-invalid={error !== undefined || undefined}
      aria-describedby={described}
      className={inputClasses(error !== undefined)}
    />
  );
}

/** A checkbox reads best with its label beside it, unlike the stacked fields. */
function BooleanOption({
  field,
  id,
  checked,
  hint,
  error,
  disabled,
  onChange,
}: {
  field: OptionField;
  id: string;
  checked: boolean;
  hint?: string;
  error?: string;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-center gap-2 text-xs font-medium text-fg">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          disabled={disabled}
          aria-describedby={describedBy(id, error, hint)}
          className="size-3.5 accent-(--accent)"
        />
        {field.label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-bad">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="pl-5.5 text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function OptionsForm({ copy, fields }: { copy: Copy; fields: OptionField[] }) {
  const save = useCopyOptions();
  const [draft, setDraft] = useState<Draft>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const editable = fields.filter((field) => isEditable(copy.model, field));
  const fixed = fields.filter((field) => !isEditable(copy.model, field));
  const current = (field: OptionField): string | boolean =>
    draft[field.name] ?? (field.kind === 'boolean' ? copy.options[field.name] === true : String(copy.options[field.name] ?? ''));
  const changed = editable.filter(
    (field) =>
      field.name in draft && current(field) !== (field.kind === 'boolean' ? copy.options[field.name] === true : String(copy.options[field.name] ?? '')),
  );

  function edit(field: OptionField, value: string | boolean) {
    setDraft((previous) => ({ ...previous, [field.name]: value }));
    setFieldErrors(({ [field.name]: _dropped, ...rest }) => rest);
    setFormError(null);
  }

  function reset() {
    setDraft({});
    setFieldErrors({});
    setFormError(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const options: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const field of changed) {
      const result = parsed(field, current(field));
      if ('error' in result) errors[field.name] = result.error;
      else options[field.name] = result.value;
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || Object.keys(options).length === 0) return;
    save.mutate(
      { copyId: copy.id, options },
      {
        onSuccess: () => {
          setDraft({});
          toast.success('Options saved', {
            description: Object.entries(options)
              .map(([name, value]) => `${name} ${String(value)}`)
              .join(', '),
          });
        },
        onError: (error) => {
          const { fields: byField, form } = errorsByField(
            error,
            editable.map((field) => field.name),
          );
          setFieldErrors(byField);
          setFormError(form);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Copy options" noValidate>
      {editable.map((field) => {
        const id = `copy-option-${field.name}`;
        const value = current(field);
        const hint = describeValue(field, field.kind === 'number' ? Number(value) : value);
        if (field.kind === 'boolean')
          return (
            <BooleanOption
              key={field.name}
              field={field}
              id={id}
              checked={value === true}
              hint={hint}
              error={fieldErrors[field.name]}
              disabled={save.isPending}
              onChange={(next) => edit(field, next)}
            />
          );
        return (
          <Field key={field.name} id={id} label={field.label} error={fieldErrors[field.name]} hint={hint}>
            <OptionInput
              field={field}
              id={id}
              value={value}
              error={fieldErrors[field.name]}
              hint={hint}
              disabled={save.isPending}
              onChange={(next) => edit(field, next)}
            />
          </Field>
        );
      })}
      {fixed.length > 0 && (
        <div className="flex flex-col gap-1 border-t border-line pt-3">
          <p className="text-xs text-fg-subtle">Set when the relationship was created:</p>
          <ReadOnlyOptions copy={copy} fields={fixed} />
        </div>
      )}
      {formError !== null && (
        <p role="alert" className="text-xs text-bad">
          {formError}
        </p>
      )}
      {editable.length > 0 && (
        <div className="flex justify-end gap-2">
          <Button variant="ghost" disabled={changed.length === 0 || save.isPending} onClick={reset}>
            Reset
          </Button>
          <Button type="submit" variant="primary" disabled={changed.length === 0 || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save options'}
          </Button>
        </div>
      )}
    </form>
  );
}

export function CopyOptionsPanel({ copy, canOperate }: { copy: Copy; canOperate: boolean }) {
  const fields = optionFieldsOf(copy.model);
  return (
    <Panel title="Options" titleId="options-title" bodyClassName="p-3">
      {fields.length === 0 ? (
        <p className="text-fg-muted">This copy service has no options.</p>
      ) : canOperate ? (
        <OptionsForm copy={copy} fields={fields} />
      ) : (
        <ReadOnlyOptions copy={copy} fields={fields} />
      )}
    </Panel>
  );
}
