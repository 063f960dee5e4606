'use client';
// The array's injected faults (docs/domain.md#faults): inject one on a volume or a mapping of this array, see
// every fault in force with its target, since-when and effect, and clear it. Operators only. Which
// faults the model has, which mappings can lose metadata, and what injecting or clearing does are
// the engine's to say (faultKindsFor, the service table, POST /api/preview).
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { simulatedTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import { EnginePreview, previewAllows } from '@/components/preview/engine-preview';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Select, type SelectOption } from '@/components/ui/select';
import { volumeHref } from '@/components/volumes/volume-href';
import { faultKindsFor, tableFor, type ArrayModel, type FaultKind, type Preview, type PreviewCommand } from '@/engine/client';
import { errorMessage } from '@/lib/client/api-error';
import { outcomeSummary, previewLines } from '@/lib/client/preview-lines';
import type { Copy, Fault, InjectFaultRequest, StorageArray, Volume } from '@/lib/client/types';
import { useCopies } from '@/lib/client/use-copies';
import { useClearFault, useFaults, useInjectFault } from '@/lib/client/use-faults';
import { usePreview } from '@/lib/client/use-preview';
import { FAULT_KIND_LABELS } from './fault-words';

type InjectableKind = Exclude<FaultKind, 'controller-failure'>;

/** The model's faults this form injects; controllers fail from their own cards. */
function kindsFor(model: ArrayModel): InjectableKind[] {
  return faultKindsFor(model).filter((kind): kind is InjectableKind => kind !== 'controller-failure');
}

/** The states in which the service's table takes the metadata-lost event: the mappings it can hit. */
function metadataLossStates(model: ArrayModel): string[] {
  return [...new Set((tableFor(model).automatic['metadata-lost'] ?? []).flatMap((row) => row.from))];
}

function targetOptions(kind: InjectableKind, model: ArrayModel, volumes: Volume[], copies: Copy[], faults: Fault[]): SelectOption[] {
  if (kind === 'volume-io-error') {
    const failing = new Set(faults.filter((f) => f.kind === 'volume-io-error').map((f) => f.volumeId));
    return volumes
      .filter((volume) => !failing.has(volume.id))
      .map((volume) => ({
        value: volume.id,
        label: volume.roles.length > 0 ? `${volume.name} (${volume.roles.join(', ')})` : volume.name,
        textValue: volume.name,
      }));
  }
  const names = new Map(volumes.map((volume) => [volume.id, volume.name]));
  const states = metadataLossStates(model);
  return copies
    .filter((copy) => states.includes(copy.state))
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

function injectRequest(kind: InjectableKind, target: string): InjectFaultRequest {
  return kind === 'volume-io-error' ? { kind, volumeId: target } : { kind, copyId: target };
}

function InjectForm({ array, volumes, copies, faults }: { array: StorageArray; volumes: Volume[]; copies: Copy[]; faults: Fault[] }) {
  const kinds = kindsFor(array.model);
  const [chosenKind, setKind] = useState<InjectableKind>('volume-io-error');
  const kind = kinds.includes(chosenKind) ? chosenKind : 'volume-io-error';
  const [target, setTarget] = useState('');
  const inject = useInjectFault();
  const options = targetOptions(kind, array.model, volumes, copies, faults);
  const chosen = options.some((option) => option.value === target) ? target : '';
  const command: PreviewCommand | null = chosen === '' ? null : { command: 'inject-fault', fault: injectRequest(kind, chosen) };
  // Asked again as the target's copies change state (the engine's answer depends on them).
  const basis = copies.map((copy) => `${copy.id}:${copy.state}`).join(',');
  const preview = usePreview(command === null ? null : [command], basis);
  const submit = () => {
    inject.mutate(injectRequest(kind, chosen), {
      onSuccess: (fault) => {
        setTarget('');
        toast.warning(`${FAULT_KIND_LABELS[fault.kind]} injected on ${fault.targetName}`, { description: fault.effect });
      },
      onError: (error) => toast.error('The fault was not injected', { description: errorMessage(error) }),
    });
  };
  const hintId = 'fault-inject-hint';
  const mappingStates = metadataLossStates(array.model);
  return (
    <form
      className="flex flex-col gap-2 border-b border-line p-3"
      aria-label="Inject a fault"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== '' && previewAllows(preview)) submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="fault-kind" className="text-xs font-medium text-fg">
            Fault
          </label>
          <Select
            id="fault-kind"
            className="w-56"
            value={kind}
            onValueChange={(value) => setKind(value as InjectableKind)}
            options={kinds.map((k) => ({ value: k, label: FAULT_KIND_LABELS[k] }))}
            describedBy={hintId}
          />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="fault-target" className="text-xs font-medium text-fg">
            {kind === 'volume-io-error' ? 'Volume' : `Mapping (${mappingStates.join(' or ')})`}
          </label>
          <Select
            id="fault-target"
            className="w-full max-w-md"
            value={chosen}
            onValueChange={setTarget}
            options={options}
            disabled={options.length === 0}
            placeholder={
              options.length === 0 ? (kind === 'volume-io-error' ? 'No volume to choose' : `No mapping is ${mappingStates.join(' or ')}`) : 'Choose…'
            }
            describedBy={hintId}
          />
        </div>
        <Button type="submit" variant="danger" disabled={chosen === '' || inject.isPending || !previewAllows(preview)}>
          {inject.isPending ? 'Injecting…' : 'Inject fault'}
        </Button>
      </div>
      <div id={hintId} className="text-xs" aria-live="polite">
        {command === null ? (
          <p className="text-fg-subtle">Choose {kind === 'volume-io-error' ? 'a volume' : 'a mapping'} to see what injecting the fault does.</p>
        ) : (
          <EnginePreview query={preview} testId="fault-inject-preview" empty="Nothing changes beyond the fault itself." />
        )}
      </div>
    </form>
  );
}

/** A toast's line for what clearing did, from the engine's preview: counted, or its first sentence. */
function clearedDescription(preview: Preview | undefined): string | undefined {
  if (preview === undefined) return undefined;
  return outcomeSummary([preview]) ?? previewLines([preview])[0]?.text;
}

function FaultRow({ fault, clearPreview }: { fault: Fault; clearPreview: Preview | undefined }) {
  const clear = useClearFault();
  const onClear = () =>
    clear.mutate(fault.id, {
      onSuccess: () => toast.success(`${FAULT_KIND_LABELS[fault.kind]} on ${fault.targetName} cleared`, { description: clearedDescription(clearPreview) }),
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
      <td className="px-3 py-1.5 text-xs whitespace-nowrap text-fg-muted tabular-nums">
        <ClockTime time={simulatedTime(fault.since)} />
      </td>
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
  // What clearing each fault would do, asked once for the whole list, for the toast after Clear.
  const clearPreviews = usePreview(
    list.map((fault): PreviewCommand => ({ command: 'clear-fault', faultId: fault.id })),
    arrayCopies.map((copy) => `${copy.id}:${copy.state}`).join(','),
  );
  const clearPreviewOf = (index: number) => (clearPreviews.isPlaceholderData ? undefined : clearPreviews.data?.[index]);
  return (
    <Panel
      title="Faults"
      titleId="faults-title"
      actions={
        <span className="text-xs text-fg-muted">{faults.data === undefined ? '…' : list.length === 0 ? 'none in force' : `${list.length} in force`}</span>
      }
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
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  Kind
                </th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  Target
                </th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  Since (simulated)
                </th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  Effect
                </th>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((fault, index) => (
                <FaultRow key={fault.id} fault={fault} clearPreview={clearPreviewOf(index)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
