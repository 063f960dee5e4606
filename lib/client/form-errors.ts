// Form messages from a zod schema, in the browser or in a 400 from the server: each issue goes
// under its field, as a sentence that starts with the field's label ("Password must be …").
import type { z } from 'zod';
import { errorMessage, isApiError } from './api-error';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Where the answer to a failed submit goes: under fields, or above the buttons for the form. */
export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string[];
}

export const NO_FORM_ERRORS: FormErrors<never> = { fields: {}, form: [] };

function fieldOf<F extends string>(key: string, labels: Record<F, string>): F | undefined {
  return Object.hasOwn(labels, key) ? (key as F) : undefined;
}

/** The first problem per field of a client-side schema check. */
export function schemaFieldErrors<F extends string>(error: z.ZodError | undefined, labels: Record<F, string>): FieldErrors<F> {
  const fields: FieldErrors<F> = {};
  for (const issue of error?.issues ?? []) {
    const field = fieldOf(String(issue.path[0] ?? ''), labels);
    if (field !== undefined) fields[field] ??= `${labels[field]} ${issue.message}`;
  }
  return fields;
}

/**
 * The server's rejection placed on the form: 400 issues under their fields, a 409 (a name taken)
 * under `conflictField` when given, anything else as a message for the whole form.
 */
export function serverFormErrors<F extends string>(error: unknown, labels: Record<F, string>, conflictField?: F): FormErrors<F> {
  if (!isApiError(error)) return { fields: {}, form: [errorMessage(error)] };
  if (error.status === 409 && conflictField !== undefined) return { fields: { [conflictField]: capitalize(error.message) } as FieldErrors<F>, form: [] };
  if (error.status === 400) {
    const fields: FieldErrors<F> = {};
    const form: string[] = [];
    for (const issue of error.issues()) {
      const field = fieldOf(issue.path.split('.')[0] ?? '', labels);
      if (field === undefined) form.push(issue.message);
      else fields[field] ??= `${labels[field]} ${issue.message}`;
    }
    return { fields, form: form.length === 0 && Object.keys(fields).length === 0 ? [error.message] : form };
  }
  return { fields: {}, form: [capitalize(error.message)] };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
