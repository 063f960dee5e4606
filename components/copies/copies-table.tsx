import Link from 'next/link';
import { formatTimestamp } from '@/components/events/format-time';
import type { Copy } from '@/lib/client/types';
import { CopyActionsMenu } from './copy-actions-menu';
import { CopyProgress } from './copy-progress';
import { CopyStateBadge } from './copy-state-badge';

export interface CopyNames {
  arrayName: (id: string) => string;
  volumeName: (id: string) => string;
}

/** Every relationship: what copies to what, where, how far it has got; operators also act on it. */
export function CopiesTable({ copies, names, canOperate }: { copies: Copy[]; names: CopyNames; canOperate: boolean }) {
  const head = 'border-b border-line px-3 py-1.5 font-medium';
  return (
    <table className="w-full border-collapse text-left" aria-label="Copy relationships">
      <thead className="bg-surface-raised text-xs text-fg-muted">
        <tr>
          <th scope="col" className={head}>Type</th>
          <th scope="col" className={head}>Array</th>
          <th scope="col" className={head}>Source</th>
          <th scope="col" className={head}>Target</th>
          <th scope="col" className={head}>State</th>
          <th scope="col" className={`${head} w-56`}>Progress</th>
          <th scope="col" className={head}>Updated</th>
          {canOperate && (
            <th scope="col" className={head}>
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {copies.map((copy) => (
          <tr key={copy.id} className="border-b border-line last:border-b-0 hover:bg-surface-hover">
            <td className="px-3 py-2 font-mono text-xs">{copy.type}</td>
            <td className="px-3 py-2">
              <Link href={`/arrays/${copy.arrayId}`} className="text-accent hover:underline">
                {names.arrayName(copy.arrayId)}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono text-xs">{names.volumeName(copy.sourceVolumeId)}</td>
            <td className="px-3 py-2 font-mono text-xs">{names.volumeName(copy.targetVolumeId)}</td>
            <td className="px-3 py-2">
              <CopyStateBadge state={copy.state} />
            </td>
            <td className="px-3 py-2">
              <CopyProgress progress={copy.progress} />
            </td>
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-fg-muted">{formatTimestamp(copy.updatedAt)}</td>
            {canOperate && (
              <td className="px-3 py-1 text-right">
                <CopyActionsMenu copy={copy} describe={`${copy.type} ${names.volumeName(copy.sourceVolumeId)} → ${names.volumeName(copy.targetVolumeId)}`} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
