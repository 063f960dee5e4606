'use client';
// Step 3, bulk: a target for every source, matched automatically (a free eligible volume of the
// right size, else a new `<source>_copy` volume). Sources that cannot be copied at all are named
// with the engine's reasons, to be removed in step 2.
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { PairRequest } from '@/lib/client/create-pairs';
import type { BulkProblem } from '@/lib/client/wizard-plan';
import { formatBytes } from '@/lib/units';

export function BulkTargetStep({
  requests,
  capacityOf,
  blocked,
  onDropBlocked,
}: {
  requests: PairRequest[];
  capacityOf: (sourceId: string) => string | number;
  blocked: BulkProblem[];
  onDropBlocked: () => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <FormAlert messages={blocked.map((entry) => `${entry.sourceName} cannot be copied now: ${entry.problems.join('; ')}.`)} />
      {blocked.length > 0 && (
        <div>
          <Button size="sm" onClick={onDropBlocked}>
            Leave out {blocked.length === 1 ? 'this source' : `these ${blocked.length} sources`}
          </Button>
        </div>
      )}
      <p className="text-xs text-fg-muted">
        Each source gets a free eligible volume of the right size when one exists, and otherwise a new volume of the same size in the same pool, created with
        its copy.
      </p>
      <div className="overflow-auto rounded border border-line">
        <table aria-label="Matched pairs" className="w-full border-collapse text-left">
          <thead className="bg-surface-raised text-xs text-fg-muted">
            <tr>
              <th scope="col" className="h-8 border-b border-line px-3 font-medium">
                Source
              </th>
              <th scope="col" className="h-8 border-b border-line px-2 text-right font-medium">
                Size
              </th>
              <th scope="col" className="h-8 border-b border-line px-3 font-medium">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.sourceId} className="[&:last-child>td]:border-b-0">
                <td className="h-8 border-b border-line px-3 font-mono text-xs">{request.sourceName}</td>
                <td className="h-8 border-b border-line px-2 text-right tabular-nums">{formatBytes(BigInt(capacityOf(request.sourceId)))}</td>
                <td className="h-8 border-b border-line px-3">
                  <span className="font-mono text-xs">{request.target.name}</span>{' '}
                  {request.target.kind === 'new' ? <Badge tone="accent">new volume</Badge> : <Badge tone="warn">existing: contents overwritten</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
