// Where a refused rename is shown: a name taken (409) or refused by the rule (400) is about the
// field, so it goes under it in the server's words; anything else (gone, forbidden, offline) is
// about the whole request and goes above the buttons.
import { capitalize } from './form-errors';
import { errorMessage, isApiError } from './api-error';

export interface RenameError {
  field: string | null;
  form: string | null;
}

export function renameErrorOf(error: unknown): RenameError {
  if (!isApiError(error) || (error.status !== 409 && error.status !== 400)) return { field: null, form: capitalize(errorMessage(error)) };
  // A schema refusal names the field's issue; the engine's names the rule it broke.
  const issue = error.issues().find((candidate) => candidate.path === 'name');
  if (issue !== undefined) return { field: `Name ${issue.message}`, form: null };
  const [reason] = error.reasons();
  return { field: capitalize(reason ?? error.message), form: null };
}
