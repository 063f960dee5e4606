// A copy as the Copies table shows it: the API's Copy plus the names it is searched and sorted by.
import { copyTypeName } from '@/lib/client/copy-services';
import type { Copy } from '@/lib/client/types';
import type { CopyNames } from './use-copy-names';

export interface CopyRow extends Copy {
  arrayName: string;
  sourceName: string;
  targetName: string;
}

/**
 * Rows for the table. `cache` (one per `names`) hands back the same row for a copy that did not
 * change, so a push about a few copies does not give every row of a 1,000-row list a new identity.
 */
export function toCopyRows(copies: readonly Copy[], names: CopyNames, cache?: WeakMap<Copy, CopyRow>): CopyRow[] {
  return copies.map((copy) => {
    const known = cache?.get(copy);
    if (known !== undefined) return known;
    const row = {
      ...copy,
      arrayName: names.arrayName(copy.arrayId),
      sourceName: names.volumeName(copy.sourceVolumeId),
      targetName: names.volumeName(copy.targetVolumeId),
    };
    cache?.set(copy, row);
    return row;
  });
}

/** How a row is named to a person (menus, checkboxes, toasts): its name, then what it pairs. */
export function describeCopy(row: CopyRow): string {
  return `${row.name} (${copyTypeName(row.model)} ${row.sourceName} → ${row.targetName})`;
}
