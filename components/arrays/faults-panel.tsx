'use client';
// The array's injected faults (issue #7): inject one on a volume or a mapping of this array, see
// every fault in force with its target, since-when and effect, and clear it. Operators only.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { formatTimestamp } from '@/components/events/format-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Select, type SelectOption } from '@/components/ui/select';
import { volumeHref } from '@/components/volumes/volume-href';
import { errorMessage } from '@/lib/client/api-error';
import type { Copy, Fault, InjectFaultRequest, StorageArray, Volume } from '@/lib/client/types';
import { useCopies } from '@/lib/client/use-copies';
import { useClearFault, useFaults, useInjectFault } from '@/lib/client/use-faults';
import { FAULT_KIND_LABELS, injectHint } from './fault-words';

type InjectableKind = 'volume-io-error' | 'metadata-loss';

function kindsFor(array: StorageArray): InjectableKind[] {
  // Metadata loss is Storwize's own fault (seed 002); controllers fail from their cards.
  return array.model === 'storwize' ? ['volume-io-error', 'metadata-loss'] : ['volume-io-error'];
}

function targetOptions(kind: InjectableKind, volumes: Volume[], copies: Copy[], faults: Fault[]): SelectOption[] {
  if (kind === 'volume-io-error') {
    const failing = new Set(faults.filter((f) => f.kind === 'volume-io-error').map((f) => f.volumeId));
    return volumes
      .filter((volume) => !failing.has(volume.id))
      .map((volume) => ({ value: volume.id, label: volume.roles.length > 0 ? `${volume.name} (${volume.roles.join(', ')})` : volume.name, textValue: volume.name }));
  }
  const names = new Map(volumes.map((volume) => [volume.id, volume.name]));
  return copies
    .filter((copy) => copy.state === 'copying' || copy.state === 'stopping')
    .map((copy) => {
      const label = `${copy.name}: ${names.get(copy.sourceVolumeId) ?? copy.sourceVolumeId} → ${names.get(copy.targetVolumeId) ?? copy.targetVolumeId} (${copy.state})`;
      return { value: copy.id, label, textValue: label };
    });
}

function FaultTarget({ fault }: { fault: Fault }) {
  if (fault.volumeId !== null) {
    return (
      <Link href={volumeHref(fault.volumeId)} className="font-mono text-xs text-accent hover:underline">
        {fault.targetName}
      </Link>
    );
  }
  if (fault.copyId !== null) {
    return (
      <Link href={`/copies/${encodeURIComponent(fault.copyId)}`} className="font-mono text-xs text-accent hover:underline">
        {fault.targetName}
      </Link>
    );
  }
  return <span>{fault.targetName}</span>;
}

function InjectForm({ array, volumes, copies, faults }: { array: StorageArray; volumes: Volume[]; copies: Copy[]; faults: Fault[] }) {
  const kinds = kindsFor(array);
  const [kind, setKind] = useState<InjectableKind>('volume-io-error');
  const [target, setTarget] = useState('');
  const inject = useInjectFault();
  const options = targetOptions(kind, volumes, copies, faults);
  const chosen = options.some((option) => option.value === target) ? target : '';
  const submit = () => {
    const request: InjectFaultRequest = kind === 'volume-io-error' ? { kind, volumeId: chosen } : { kind, copyId: chosen };
    inject.mutate(request, {
      onSuccess: (fault) => {
        setTarget('');
        toast.warning(`${FAULT_KIND_LABELS[fault.kind]} injected on ${fault.targetName}`, { description: fault.effect });
      },
      onError: (error) => toast.error('The fault was not injected', { description: errorMessage(error) }),
    });
  };
  const hintId = 'fault-inject-hint';
  return (
    <form
      className="flex flex-col gap-2 border-b border-line p-3"
      aria-label="Inject a fault"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== '') submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="fault-kind" className="text-xs font-medium text-fg">
            Fault
          </label>
          <Select id="fault-kind" className="w-56" value={kind} onValueChange={(value) => setKind(value as InjectableKind)} options={kinds.map((k) => ({ value: k, label: FAULT_KIND_LABELS[k] }))} describedBy={hintId} />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="fault-target" className="text-xs font-medium text-fg">
            {kind === 'volume-io-error' ? 'Volume' : 'Mapping (copying or stopping)'}
          </label>
          <Select
            id="fault-target"
            className="w-full max-w-md"
            value={chosen}
            onValueChange={setTarget}
            options={options}
            disabled={options.length === 0}
            placeholder={options.length === 0 ? (kind === 'volume-io-error' ? 'No volume to choose' : 'No mapping is copying or stopping') : 'Choose…'}
            describedBy={hintId}
          />
        </div>
        <Button type="submit" variant="danger" disabled={chosen === '' || inject.isPending}>
          {inject.isPending ? 'Injecting…' : 'Inject fault'}
        </Button>
      </div>
      <p id={hintId} className="text-xs text-fg-subtle">
        {injectHint(kind, array.model)}
      </p>
    </form>
  );
}

function FaultRow({ fault }: { fault: Fault }) {
  const clear = useClearFault();
  const onClear = () =>
    clear.mutate(fault.id, {
      onSuccess: () => toast.success(`${FAULT_KIND_LABELS[fault.kind]} on ${fault.targetName} cleared`, { description: fault.kind === 'controller-failure' ? 'Volumes fail back to their preferred controller.' : fault.kind === 'metadata-loss' ? 'The mapping returns to where it was.' : 'Hosts can reach the volume again; recover its copies with their actions.' }),
      onError: (error) => toast.error('The fault was not cleared', { description: errorMessage(error) }),
    });
  return (
    <tr className="border-b border-line align-top last:border-b-0">
      <td className="px-3 py-1.5 whitespace-nowrap">
        <Badge tone="bad" dot>
          {FAULT_KIND_LABELS[fault.kind]}
        </Badge>
      </td>
      <td className="px-3 py-1.5">
        <FaultTarget fault={fault} />
      </td>
      <td className="px-3 py-1.5 text-xs whitespace-nowrap text-fg-muted tabular-nums">{formatTimestamp(fault.since)}</td>
      <td className="px-3 py-1.5 text-xs">{fault.effect}</td>
      <td className="px-3 py-1.5 text-right">
        <Button size="sm" onClick={onClear} disabled={clear.isPending} aria-label={`Clear ${FAULT_KIND_LABELS[fault.kind]} on ${fault.targetName}`}>
          {clear.isPending ? 'Clearing…' : fault.kind === 'controller-failure' ? 'Restore' : 'Clear'}
        </Button>
      </td>
    </tr>
  );
}

export function FaultsPanel({ array, volumes }: { array: StorageArray; volumes: Volume[] | undefined }) {
  const faults = useFaults(array.id);
  const copies = useCopies();
  const arrayCopies = useMemo(() => (copies.data ?? []).filter((copy) => copy.arrayId === array.id), [copies.data, array.id]);
  const list = faults.data ?? [];
  return (
    <Panel
      title="Faults"
      titleId="faults-title"
      actions={<span className="text-xs text-fg-muted">{faults.data === undefined ? '…' : list.length === 0 ? 'none in force' : `${list.length} in force`}</span>}
    >
      <InjectForm array={array} volumes={volumes ?? []} copies={arrayCopies} faults={list} />
      {faults.isError ? (
        <ErrorState title="Could not load the faults" error={faults.error} onRetry={() => void faults.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No faults in force">Inject one above, or fail a controller from its card.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" aria-labelledby="faults-title">
            <thead className="bg-surface-raised text-xs text-fg-muted">
              <tr>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Kind</th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Target</th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Since (simulated)</th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">Effect</th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((fault) => (
                <FaultRow key={fault.id} fault={fault} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
