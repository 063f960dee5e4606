// One SVC command as a client sent it: the command, its options and the object it names. REST
// sends options as a JSON object (strings, numbers, true); the CLI as `-name value` and `-flag`.
import { invalidArgument, missingParameter } from './errors';

export type OptionValue = string | true;

export interface Invocation {
  command: string;
  options: Record<string, OptionValue>;
  /** The object named after the command (`lsfcmap fcmap0`, `/rest/lsfcmap/fcmap0`), or null. */
  object: string | null;
}

/** Own options only: a client's "constructor" or "__proto__" never reads what objects inherit. */
function optionOf(invocation: Invocation, name: string): OptionValue | undefined {
  return Object.hasOwn(invocation.options, name) ? invocation.options[name] : undefined;
}

export function stringOption(invocation: Invocation, name: string): string | undefined {
  const value = optionOf(invocation, name);
  if (value === undefined) return undefined;
  if (value === true) throw invalidArgument(`-${name} needs a value`);
  return value;
}

export function requiredOption(invocation: Invocation, name: string): string {
  const value = stringOption(invocation, name);
  if (value === undefined || value === '') throw missingParameter(`-${name} is required`);
  return value;
}

export function flagOption(invocation: Invocation, name: string): boolean {
  const value = optionOf(invocation, name);
  if (value === undefined) return false;
  if (value === true) return true;
  // REST clients may send "true"/"false" or "yes"/"no" for flags.
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^(false|no|off)$/i.test(value)) return false;
  throw invalidArgument(`-${name} takes no value`);
}

export function integerOption(invocation: Invocation, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(invocation, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw invalidArgument(`-${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw invalidArgument(`-${name} must be ${min} to ${max}, got ${value}`);
  return value;
}

export function requireObject(invocation: Invocation): string {
  if (invocation.object === null || invocation.object === '') throw missingParameter(`${invocation.command} needs an object id or name`);
  return invocation.object;
}

/** A REST body ({"copyrate": "50", "prep": true} or null) as options. */
export function optionsOfJson(body: unknown): Record<string, OptionValue> {
  if (body === null || body === undefined) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidArgument('the request body must be a JSON object of command options, or null');
  // No prototype: an option named "__proto__" is just an (unsupported) option name.
  const options: Record<string, OptionValue> = Object.create(null) as Record<string, OptionValue>;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === true) options[name] = true;
    else if (value === false)
      continue; // a flag not given
    else if (typeof value === 'string') options[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) options[name] = String(value);
    else throw invalidArgument(`option "${name}" must be a string, a number or true`);
  }
  return options;
}
