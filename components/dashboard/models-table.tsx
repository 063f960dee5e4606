import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { CapacityBar } from '@/components/ui/capacity-bar';
import { modelDisplayName } from '@/lib/client/array-models';
import type { StorageArray } from '@/lib/client/types';
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_ROW, CARD_TABLE } from '@/components/ui/card-table';
import type { ModelSummary } from './fleet-summary';

/** One row per model: how many arrays, their controllers, volumes and space, and the arrays by name. */
export function ModelsTable({ models, arrays, labelledBy }: { models: ModelSummary[]; arrays: StorageArray[]; labelledBy: string }) {
  return (
    <table className={`w-full border-collapse text-left ${CARD_TABLE}`} aria-labelledby={labelledBy}>
      <thead className={`bg-surface-raised text-xs text-fg-muted ${CARD_HEAD}`}>
        <tr>
          <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
            Model
          </th>
          <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
            Arrays
          </th>
          <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
            Controllers
          </th>
          <th scope="col" className="border-b border-line px-3 py-1.5 text-right font-medium">
            Volumes
          </th>
          <th scope="col" className="w-56 border-b border-line px-3 py-1.5 font-medium">
            Capacity used
          </th>
        </tr>
      </thead>
      <tbody className={CARD_BODY}>
        {models.map((summary) => {
          const offline = summary.controllerCount - summary.controllersOnline;
          return (
            <tr key={summary.model} className={`border-b border-line align-middle last:border-b-0 ${CARD_ROW}`}>
              <td data-label="Model" className={`px-3 py-2 font-medium whitespace-nowrap ${CARD_CELL}`}>
                {modelDisplayName(summary.model)}
              </td>
              <td data-label="Arrays" className={`px-3 py-2 ${CARD_CELL}`}>
                {summary.arrayCount === 0 ? (
                  <span className="text-fg-subtle">none</span>
                ) : (
                  <span className="flex flex-wrap gap-x-2">
                    {arrays
                      .filter((array) => array.model === summary.model)
                      .map((array) => (
                        <Link key={array.id} href={`/arrays/${array.id}`} className="text-accent hover:underline">
                          {array.name}
                        </Link>
                      ))}
                  </span>
                )}
              </td>
              <td data-label="Controllers" className={`px-3 py-2 whitespace-nowrap ${CARD_CELL}`}>
                {summary.controllerCount === 0 ? (
                  <span className="text-fg-subtle">—</span>
                ) : (
                  <span className="flex gap-1">
                    <Badge tone="ok" dot>
                      {summary.controllersOnline} online
                    </Badge>
                    {offline > 0 && (
                      <Badge tone="bad" dot>
                        {offline} offline
                      </Badge>
                    )}
                  </span>
                )}
              </td>
              <td data-label="Volumes" className={`px-3 py-2 text-right tabular-nums ${CARD_CELL}`}>
                {summary.volumeCount.toLocaleString('en-US')}
              </td>
              <td data-label="Capacity used" className={`px-3 py-2 ${CARD_CELL} max-md:[&>*]:w-40`}>
                {summary.capacityBytes === 0n ? (
                  <span className="text-fg-subtle">—</span>
                ) : (
                  <CapacityBar usedBytes={summary.usedBytes.toString()} capacityBytes={summary.capacityBytes.toString()} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
