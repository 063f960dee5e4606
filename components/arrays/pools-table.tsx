import { CapacityBar } from '@/components/ui/capacity-bar';
import { formatLss } from '@/lib/client/array-models';
import { formatBytes } from '@/lib/units';
import { toBigBytes, type Pool } from '@/lib/client/types';

function freeBytes(pool: Pool): bigint {
  return toBigBytes(pool.capacityBytes) - toBigBytes(pool.usedBytes);
}

export function PoolsTable({
  pools,
  volumeCountByPool,
  labelledBy,
}: {
  pools: Pool[];
  volumeCountByPool: Map<string, number> | undefined;
  labelledBy: string;
}) {
  const showLss = pools.some((pool) => pool.lss !== undefined);
  return (
    <table className="w-full border-collapse text-left" aria-labelledby={labelledBy}>
      <thead className="bg-surface-raised text-xs text-fg-muted">
        <tr>
          <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
            Pool
          </th>
          {showLss && (
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
              LSS
            </th>
          )}
          <th scope="col" className="w-72 border-b border-line px-3 py-1.5 font-medium">
            Capacity used
          </th>
          <th scope="col" className="border-b border-line px-3 py-1.5 text-right font-medium">
            Free
          </th>
          <th scope="col" className="border-b border-line px-3 py-1.5 text-right font-medium">
            Volumes
          </th>
        </tr>
      </thead>
      <tbody>
        {pools.map((pool) => (
          <tr key={pool.id} className="border-b border-line last:border-b-0">
            <td className="px-3 py-2 font-medium">{pool.name}</td>
            {showLss && <td className="px-3 py-2 font-mono text-xs">{pool.lss === undefined ? '—' : formatLss(pool.lss)}</td>}
            <td className="px-3 py-2">
              <CapacityBar usedBytes={pool.usedBytes} capacityBytes={pool.capacityBytes} />
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatBytes(freeBytes(pool))}</td>
            <td className="px-3 py-2 text-right tabular-nums">{volumeCountByPool ? (volumeCountByPool.get(pool.id) ?? 0).toLocaleString('en-US') : '…'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
