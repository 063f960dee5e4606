// The names (ignoring case) and numbers of the copy relationships on each array, kept up to date
// as relationships are registered, removed and renamed. Creating or renaming a relationship asks
// whether a name or number is taken on its array; answering by scanning every relationship made
// each creation cost more as the fleet grew (about 0.3 s a copy with 10,000 of them, #16).
import type { Relationship } from '../copy/relationship';

/** What is taken on one array: only `has` is asked. */
export interface TakenView {
  names: Pick<ReadonlySet<string>, 'has'>;
  numbers: Pick<ReadonlySet<number>, 'has'>;
}

interface OnArray {
  /** Lower-case name → relationships bearing it (names are unique, but a count keeps removal exact). */
  names: Map<string, number>;
  numbers: Map<number, number>;
}

function bump<K>(counts: Map<K, number>, key: K, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

export class CopyNames {
  private readonly arrays = new Map<string, OnArray>();

  private on(arrayId: string): OnArray {
    let entry = this.arrays.get(arrayId);
    if (entry === undefined) this.arrays.set(arrayId, (entry = { names: new Map(), numbers: new Map() }));
    return entry;
  }

  add(relationship: Relationship): void {
    const entry = this.on(relationship.arrayId);
    bump(entry.names, relationship.name.toLowerCase(), 1);
    bump(entry.numbers, relationship.number, 1);
  }

  remove(relationship: Relationship): void {
    const entry = this.on(relationship.arrayId);
    bump(entry.names, relationship.name.toLowerCase(), -1);
    bump(entry.numbers, relationship.number, -1);
  }

  renamed(relationship: Relationship, fromName: string): void {
    const entry = this.on(relationship.arrayId);
    bump(entry.names, fromName.toLowerCase(), -1);
    bump(entry.names, relationship.name.toLowerCase(), 1);
  }

  /** Names (lower case) and numbers taken on the array, not counting `except`'s own. */
  takenOn(arrayId: string, except?: Relationship): TakenView {
    // A question about an array with no relationships leaves nothing behind.
    const entry = this.arrays.get(arrayId) ?? { names: new Map<string, number>(), numbers: new Map<number, number>() };
    const own = except !== undefined && except.arrayId === arrayId ? except : undefined;
    return {
      names: { has: (name) => (entry.names.get(name) ?? 0) - (own !== undefined && own.name.toLowerCase() === name ? 1 : 0) > 0 },
      numbers: { has: (number) => (entry.numbers.get(number) ?? 0) - (own?.number === number ? 1 : 0) > 0 },
    };
  }
}
