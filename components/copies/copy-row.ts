// A copy as the Copies table shows it: the API's Copy plus the names it is searched and sorted by.
import type { Copy } from '@/lib/client/types';
import type { CopyNames } from './use-copy-names';

export interface CopyRow extends Copy {
  arrayName: string;
  sourceName: string;
  targetName: string;
}

export function toCopyRows(copies: readonly Copy[], names: CopyNames): CopyRow[] {
  return copies.map((copy) => ({ ...copy, arrayName: names.arrayName(copy.arrayId), sourceName: names.volumeName(copy.sourceVolumeId), targetName: names.volumeName(copy.targetVolumeId) }));
}

export function describeCopy(row: CopyRow): string {
  return `${row.type} ${row.sourceName} → ${row.targetName}`;
}
