// The shape every ls command shares: no object → the concise view filtered by -filtervalue; an
// object → its detailed view, or CMMVC5753E (HTTP 500) when there is none.
import { flagOption, stringOption } from '../invocation';
import { parseFilter } from '../filter';
import { notFound } from '../errors';
import type { SvcOutput } from '../output';
import type { Row } from '../views';
import type { CommandContext, SvcCommand } from './context';

export const LIST_OPTIONS = { filtervalue: 'value', bytes: 'flag', delim: 'value', nohdr: 'flag', gui: 'flag' } as const;

interface ListingSpec<T> {
  items: (context: CommandContext) => T[];
  /** Matches an object reference: an id or a name. */
  matches: (item: T, reference: string) => boolean;
  concise: (context: CommandContext, item: T, asBytes: boolean) => Row;
  detail?: (context: CommandContext, item: T, asBytes: boolean) => SvcOutput;
  what: string;
}

export function listing<T>(spec: ListingSpec<T>): SvcCommand {
  return {
    kind: 'info',
    options: LIST_OPTIONS,
    run: async (context) => {
      const asBytes = flagOption(context.invocation, 'bytes');
      const items = spec.items(context);
      const reference = context.invocation.object;
      if (reference !== null) {
        const item = items.find((candidate) => spec.matches(candidate, reference));
        if (item === undefined) throw notFound(`no ${spec.what} "${reference}" on ${context.system.array.name}`);
        return spec.detail ? spec.detail(context, item, asBytes) : { kind: 'detail', row: spec.concise(context, item, asBytes) };
      }
      const keep = parseFilter(stringOption(context.invocation, 'filtervalue'));
      return { kind: 'concise', rows: items.map((item) => spec.concise(context, item, asBytes)).filter(keep) };
    },
  };
}

/** id-or-name matching for objects with an SVC number. */
export function byIdOrName(item: { name: string; number: number }, reference: string): boolean {
  return /^\d+$/.test(reference) ? item.number === Number(reference) : item.name === reference;
}

/** A listing of something the simulated arrays do not have (hosts, cloud accounts, …): always empty. */
export function noneOf(what: string): SvcCommand {
  return listing<never>({ items: () => [], matches: () => false, concise: () => ({}), what });
}
