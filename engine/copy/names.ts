// Names and numbers of copy relationships. Every relationship has a number on its array (the
// smallest free one, as SVC gives object ids) and a name unique on that array: the one its creator
// gave, or the model's prefix and its number (SVC's fcmap0, fcmap1, …).
import type { ArrayModel } from '../model';

export const NAME_PREFIX_BY_MODEL: Record<ArrayModel, string> = {
  storwize: 'fcmap',
  santricity: 'volcopy',
  xp7: 'sipair',
  ds6000: 'fcrel',
};

/**
 * Default names of consistency groups (numbered from 1), for the models that have groups: SVC's
 * fccstgrp1, …; the DS CLI identifies a FlashCopy consistency group by its LSS and gives it no
 * name, so the DS6000's fcgrp1, … is chosen, after its relationships' fcrel.
 */
export const GROUP_NAME_PREFIX_BY_MODEL: Partial<Record<ArrayModel, string>> = {
  storwize: 'fccstgrp',
  ds6000: 'fcgrp',
  // XP7 consistency groups are numbered (CTG IDs); the name is ours.
  xp7: 'ctg',
};

export const NAME_CHARS_MAX = 63;

/**
 * Why a name cannot be used, or [] when it can. The rule is the one storage CLIs share: letters,
 * digits, `_`, `-` and `.`, starting with a letter or `_`, at most 63 characters. A name of digits
 * only could not be told from an object number.
 */
export function nameProblems(name: string): string[] {
  if (name.length === 0) return ['the name is empty'];
  if (name.length > NAME_CHARS_MAX) return [`the name is longer than ${NAME_CHARS_MAX} characters`];
  if (!/^[A-Za-z_]/.test(name)) return ['the name must start with a letter or an underscore'];
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return ['the name may hold only letters, digits, "_", "-" and "."'];
  return [];
}

/** The smallest integer >= `from` not in `used`. */
export function smallestFreeNumber(used: Pick<ReadonlySet<number>, 'has'>, from = 0): number {
  let number = from;
  while (used.has(number)) number += 1;
  return number;
}

/** The default name for number `number`, avoiding names taken by hand (`fcmap3` given to another mapping). */
export function defaultName(model: ArrayModel, number: number, taken: Pick<ReadonlySet<string>, 'has'>): string {
  const base = `${NAME_PREFIX_BY_MODEL[model]}${number}`;
  if (!taken.has(base.toLowerCase())) return base;
  let suffix = 1;
  while (taken.has(`${base}_${suffix}`.toLowerCase())) suffix += 1;
  return `${base}_${suffix}`;
}
