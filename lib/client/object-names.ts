// Names of copy relationships and consistency groups as the console checks them before asking:
// the rule is the engine's own (engine/copy/names.ts: letters, digits, _ . -, starting with a
// letter or _, at most NAME_CHARS_MAX = 63 characters; lib/api/copy-schemas.ts's GroupName says
// the same for groups). It is called, not restated, so the browser and the array cannot disagree.
// Uniqueness on the array (ignoring case) is left to the server: its 409 names the array, and the
// list this page holds may be a moment old.
import { defaultName, NAME_CHARS_MAX, nameProblems, NAME_PREFIX_BY_MODEL, smallestFreeNumber, type ArrayModel } from '@/engine/client';

export { NAME_CHARS_MAX };

/** What a person is told under a name field before typing: the rule in one line. */
export const NAME_RULE_HINT = `Letters, digits, _ . and -, starting with a letter or _; at most ${NAME_CHARS_MAX} characters. Unique on the array.`;

/**
 * Why `name` cannot be used, as a predicate to follow a field's label ("Name must start with a
 * letter or an underscore"), or null when it can. The engine says "the name …"; the label replaces it.
 */
export function nameRuleProblem(name: string): string | null {
  const [problem] = nameProblems(name);
  if (problem === undefined) return null;
  return problem.replace(/^the name /, '');
}

/** The parts of a copy this module needs: where it is, and what it is called and numbered. */
export interface NamedCopy {
  arrayId: string;
  name: string;
  number: number;
}

/**
 * The name the array will give a new relationship when none is given: the model's prefix and the
 * smallest number no relationship on the array has (a name taken by hand gets a suffix), computed
 * with the engine's own functions from every relationship of the array. `copies` must be the
 * fleet's whole list (GET /api/copies), or the number may be one that is already in use.
 */
export function defaultCopyName(model: ArrayModel, arrayId: string, copies: readonly NamedCopy[]): string {
  const onArray = copies.filter((copy) => copy.arrayId === arrayId);
  const number = smallestFreeNumber(new Set(onArray.map((copy) => copy.number)));
  return defaultName(model, number, new Set(onArray.map((copy) => copy.name.toLowerCase())));
}

/** The default's pattern, for when the relationships of the array are not known yet ("fcmapN"). */
export function defaultNamePattern(model: ArrayModel): string {
  return `${NAME_PREFIX_BY_MODEL[model]}N`;
}
