// Where a failed creation is shown: in the step whose choice it concerns. A target that could
// not be created, or a copy the engine refused for its volumes, goes back to the target step;
// a refusal naming an option goes under that option; anything else stays on the review.
import type { ArrayModel } from '@/engine/model';
import { outcomeText, type PairOutcome } from './create-pairs';
import { optionErrorsFrom } from './wizard-options';
import type { WizardStep } from './wizard-state';

export interface StepFailure {
  step: WizardStep;
  messages: string[];
  /** Option name → message, for the options step. */
  fields: Record<string, string>;
}

export function failureOf(outcome: Extract<PairOutcome, { ok: false }>, model: ArrayModel): StepFailure {
  if (outcome.stage === 'target') return { step: 'target', messages: [outcomeText(outcome)], fields: {} };
  const { fields } = optionErrorsFrom(outcome.reasons, model);
  if (Object.keys(fields).length > 0 || outcome.status === 400) return { step: 'options', messages: [outcomeText(outcome)], fields };
  if (outcome.status === 422 || outcome.status === 404) return { step: 'target', messages: [outcomeText(outcome)], fields: {} };
  return { step: 'review', messages: [outcomeText(outcome)], fields: {} };
}
