// The wizard's options form: every option's default as the text the URL holds, validated with
// zod from that text and converted for the API. The fields are lib/client/option-fields.ts (shared
// with the copy's page); names, ranges and defaults come from the engine, so the wizard refuses
// what the engine would refuse, with the same words ("must be a whole number from 0 to 150").
import { z } from 'zod';
import { defaultOptions, type ArrayModel } from '@/engine/client';
import { nameRuleProblem } from './object-names';
import { MU_AUTO, optionFieldsOf, type OptionField } from './option-fields';

/** The default of every option as the text the form holds. */
export function defaultDrafts(model: ArrayModel): Record<string, string> {
  const defaults = defaultOptions(model) as unknown as Record<string, unknown>;
  // An option with no default (the XP7 MU number) is left to the array.
  return Object.fromEntries(
    optionFieldsOf(model).map((option) => [option.name, defaults[option.name] === undefined ? MU_AUTO : String(defaults[option.name])]),
  );
}

function schemaOf(option: OptionField): z.ZodType<unknown, string> {
  switch (option.kind) {
    case 'choice': {
      const values = option.choices as [string, ...string[]];
      const message = `must be one of ${values.join(', ')}`;
      const text = z.enum(values, { error: message });
      // Grain sizes are numbers on the wire; so is an MU number, which "auto" leaves out.
      if (option.name === 'mu') return text.transform((value) => (value === MU_AUTO ? undefined : Number(value)));
      return option.name === 'grainSize' ? text.transform(Number) : text;
    }
    case 'number': {
      const message = `must be a whole number from ${option.min} to ${option.max}`;
      return z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().int(message).min(option.min, message).max(option.max, message));
    }
    case 'boolean':
      return z.enum(['true', 'false'], { error: 'must be on or off' }).transform((value) => value === 'true');
  }
}

export interface OptionsCheck {
  /** The options as the API wants them, when every field is valid. */
  options: Record<string, unknown> | null;
  /** Problems by option name. */
  errors: Record<string, string>;
}

/** Validates the typed values (defaults filling the gaps) and converts them for the API. */
export function checkOptions(model: ArrayModel, drafts: Record<string, string>): OptionsCheck {
  const merged = { ...defaultDrafts(model), ...drafts };
  const options: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const option of optionFieldsOf(model)) {
    const result = schemaOf(option).safeParse(merged[option.name]);
    if (result.success) {
      if (result.data !== undefined) options[option.name] = result.data;
    } else errors[option.name] = result.error.issues[0]?.message ?? 'is not valid';
  }
  return { options: Object.keys(errors).length === 0 ? options : null, errors };
}

/** Service refusals name their option ("copyRate: must be …"): those go under the field. */
export function optionErrorsFrom(reasons: readonly string[], model: ArrayModel): { fields: Record<string, string>; rest: string[] } {
  const names = optionFieldsOf(model).map((option) => option.name);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const reason of reasons) {
    const name = names.find((candidate) => reason.startsWith(`${candidate}:`));
    if (name === undefined) rest.push(reason);
    else fields[name] = reason.slice(name.length + 1).trim();
  }
  return { fields, rest };
}

/**
 * A new consistency group's name: the rule every relationship and group name follows
 * (object-names.ts, the engine's), and no clash with the array's groups, ignoring case as the server does.
 */
export function groupNameError(name: string, existingNames: readonly string[]): string | null {
  const text = name.trim();
  if (text === '') return 'is required for a new consistency group';
  const problem = nameRuleProblem(text);
  if (problem !== null) return problem;
  if (existingNames.some((existing) => existing.toLowerCase() === text.toLowerCase()))
    return `a consistency group named "${text}" already exists on this array`;
  return null;
}
