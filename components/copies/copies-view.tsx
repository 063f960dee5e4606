import { PageFrame } from '@/components/shell/page-frame';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { ARRAY_MODELS } from '@/engine/model';
import { modelDisplayName } from '@/lib/client/array-models';
import { copyServiceOf } from '@/lib/client/copy-services';
import { NoCopies } from './no-copies';

export function CopiesView() {
  return (
    <PageFrame>
      <PageHeader title="Copies" description="Copy relationships between volumes of the same array." />
      <Panel>
        <NoCopies />
      </Panel>
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
    </PageFrame>
  );
}
