// `-filtervalue attr=value[:attr=value…]` of the ls commands: every condition must hold; `*` in a
// value matches any run of characters. Values compare as the view prints them.
import { invalidArgument } from './errors';
import type { Row } from './views';

export type RowFilter = (row: Row) => boolean;

function wildcard(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function parseFilter(text: string | undefined): RowFilter {
  if (text === undefined || text === '') return () => true;
  const conditions = text.split(':').map((condition) => {
    const match = /^([A-Za-z_#][A-Za-z0-9_#]*)(<=|>=|=|<|>)(.*)$/.exec(condition);
    if (match === null) throw invalidArgument(`-filtervalue "${condition}" is not attribute=value`);
    const [, attribute, operator, value] = match as unknown as [string, string, string, string];
    if (operator === '=') {
      const pattern = wildcard(value);
      return (row: Row) => row[attribute] !== undefined && pattern.test(row[attribute]);
    }
    const limit = Number(value);
    if (!Number.isFinite(limit)) throw invalidArgument(`-filtervalue "${condition}": ${operator} needs a number`);
    const compare = { '<': (a: number) => a < limit, '>': (a: number) => a > limit, '<=': (a: number) => a <= limit, '>=': (a: number) => a >= limit }[
      operator as '<' | '>' | '<=' | '>='
    ];
    return (row: Row) => row[attribute] !== undefined && compare(Number(row[attribute]));
  });
  return (row) => conditions.every((condition) => condition(row));
}
