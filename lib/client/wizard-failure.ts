// Where a failed creation is shown: in the step whose choice it concerns. A target that could
// not be created, or a copy the engine refused for its volumes, goes back to the target step;
// a refusal naming an option goes under that option, and one about the relationship's name (taken
// on the array, 409; against the rule, 400) under the Name field; anything else stays on the review.
import type { ArrayModel } from '@/engine/client';
import { outcomeText, type PairOutcome } from './create-pairs';
import { capitalize } from './form-errors';
import { optionErrorsFrom } from './wizard-options';
import type { WizardStep } from './wizard-state';

/** The key of `fields` for the relationship's name: no service option is called so. */
export const NAME_FIELD = 'name';

export interface StepFailure {
  step: WizardStep;
  messages: string[];
  /** Option name (or NAME_FIELD) → message, for the options step. */
  fields: Record<string, string>;
  /** The name the server refused, so its message goes once that name is edited. */
  refusedName?: string;
}

type Failed = Extract<PairOutcome, { ok: false }>;

/** The server's words for a name it refused (engine/engine.ts checkName, or the body's schema). */
function nameRefusal(outcome: Failed): string | null {
  if (outcome.stage !== 'copy') return null;
  const taken = outcome.status === 409 && /named ".*" already exists/.test(outcome.message);
  const invalid = outcome.status === 400 && /^invalid (name|body: name:)/.test(outcome.message);
  if (!taken && !invalid) return null;
  return capitalize(outcome.reasons[0] ?? outcome.message);
}

/** `name`: the relationship's name the request asked for, if any. */
export function failureOf(outcome: Failed, model: ArrayModel, name?: string): StepFailure {
  if (outcome.stage === 'target') return { step: 'target', messages: [outcomeText(outcome)], fields: {} };
  const refusal = nameRefusal(outcome);
  if (refusal !== null) {
    // The field says it all, unless a target volume made for the pair could not be deleted again.
    const leftOver = outcome.cleanup !== null && !outcome.cleanup.deleted ? [outcomeText(outcome)] : [];
    return { step: 'options', messages: leftOver, fields: { [NAME_FIELD]: refusal }, ...(name === undefined ? {} : { refusedName: name }) };
  }
  const { fields } = optionErrorsFrom(outcome.reasons, model);
  if (Object.keys(fields).length > 0 || outcome.status === 400) return { step: 'options', messages: [outcomeText(outcome)], fields };
  if (outcome.status === 422 || outcome.status === 404) return { step: 'target', messages: [outcomeText(outcome)], fields: {} };
  return { step: 'review', messages: [outcomeText(outcome)], fields: {} };
}

/** The refusal to show under the Name field while it still holds the refused name. */
export function nameFailureFor(failure: StepFailure | null, typedName: string): string | undefined {
  const message = failure?.fields[NAME_FIELD];
  if (message === undefined) return undefined;
  return failure?.refusedName === undefined || failure.refusedName === typedName.trim() ? message : undefined;
}
