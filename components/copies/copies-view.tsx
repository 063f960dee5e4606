'use client';
import { PageFrame } from '@/components/shell/page-frame';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { ARRAY_MODELS } from '@/engine/model';
import { modelDisplayName } from '@/lib/client/array-models';
import { copyServiceOf } from '@/lib/client/copy-services';
import { useCan } from '@/lib/client/session';
import { useCopies } from '@/lib/client/use-copies';
import { CopiesTable } from './copies-table';
import { NoCopies } from './no-copies';
import { useCopyNames } from './use-copy-names';

function ServicesByModel() {
  return (
    <Panel title="Copy service by array model" titleId="copy-services-title" bodyClassName="overflow-x-auto">
      <table className="w-full border-collapse text-left" aria-labelledby="copy-services-title">
        <thead className="bg-surface-raised text-xs text-fg-muted">
          <tr>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Model</th>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Copy service</th>
            <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">API type</th>
          </tr>
        </thead>
        <tbody>
          {ARRAY_MODELS.map((model) => {
            const service = copyServiceOf(model);
            return (
              <tr key={model} className="border-b border-line last:border-b-0">
                <td className="px-3 py-1.5">{modelDisplayName(model)}</td>
                <td className="px-3 py-1.5">{service.name}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{service.type}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}

export function CopiesView() {
  const copies = useCopies();
  const names = useCopyNames();
  const canOperate = useCan('operate');
  const count = copies.data?.length;
  return (
    <PageFrame>
      <PageHeader
        title="Copies"
        description={count === undefined || count === 0 ? 'Copy relationships between volumes of the same array.' : `${count} copy ${count === 1 ? 'relationship' : 'relationships'} in the fleet.`}
      />
      {copies.isError ? (
        <ErrorState title="Could not load the copy relationships" error={copies.error} onRetry={() => void copies.refetch()} />
      ) : (
        <Panel bodyClassName="overflow-x-auto">
          {copies.isPending ? <TableSkeleton label="Loading copy relationships" rows={4} columns={6} /> : copies.data.length === 0 ? <NoCopies /> : <CopiesTable copies={copies.data} names={names} canOperate={canOperate} />}
        </Panel>
      )}
      <ServicesByModel />
    </PageFrame>
  );
}
