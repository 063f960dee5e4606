'use client';
// The array's injected faults (docs/domain.md#faults): inject one on a volume or a mapping of this array, see
// every fault in force with its target, since-when and effect, and clear it. Operators only. Which
// faults the model has, which mappings can lose metadata, and what injecting or clearing does are
// the engine's to say (faultKindsFor, the service table, POST /api/preview). Injecting takes a
// volume offline or suspends a mapping, and clearing brings volumes back (a restored controller
// takes its volumes back), so both ask first with the engine's preview, as a controller's card does.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { simulatedTime } from '@/lib/client/clock-format';
import { ClockTime } from '@/components/ui/clock-time';
import { EnginePreview, previewAllows } from '@/components/preview/engine-preview';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
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

/** The target in the words the engine gives the fault once injected (its `targetName`): a volume's name, "mapping <source> → <target>". */
function targetNameOf(kind: InjectableKind, target: string, volumes: Volume[], copies: Copy[]): string {
  const nameOf = (volumeId: string) => volumes.find((volume) => volume.id === volumeId)?.name ?? volumeId;
  if (kind === 'volume-io-error') return nameOf(target);
  const copy = copies.find((candidate) => candidate.id === target);
  return copy === undefined ? target : `mapping ${nameOf(copy.sourceVolumeId)} → ${nameOf(copy.targetVolumeId)}`;
}

/** A fault about to be injected: fixed when the dialog opens, so a list that changes meanwhile does not change the question. */
interface InjectChoice {
  kind: InjectableKind;
  target: string;
  targetName: string;
}

const INJECT_BUTTON_ID = 'fault-inject-button';

function InjectForm({ array, volumes, copies, faults }: { array: StorageArray; volumes: Volume[]; copies: Copy[]; faults: Fault[] }) {
  const kinds = kindsFor(array.model);
  const [chosenKind, setKind] = useState<InjectableKind>('volume-io-error');
  const kind = kinds.includes(chosenKind) ? chosenKind : 'volume-io-error';
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState<InjectChoice | null>(null);
  const inject = useInjectFault();
  const options = targetOptions(kind, array.model, volumes, copies, faults);
  const chosen = options.some((option) => option.value === target) ? target : '';
  const command: PreviewCommand | null = confirming === null ? null : { command: 'inject-fault', fault: injectRequest(confirming.kind, confirming.target) };
  // Asked while the dialog is open; again as the target's copies change state or faults come and go
  // (the engine's answer depends on them: the same fault injected elsewhere meanwhile is refused).
  const basis = [copies.map((copy) => `${copy.id}:${copy.state}`).join(','), faults.map((fault) => fault.id).join(',')].join('|');
  const preview = usePreview(command === null ? null : [command], basis);
  const open = () => {
    if (chosen === '') return;
    inject.reset();
    setConfirming({ kind, target: chosen, targetName: targetNameOf(kind, chosen, volumes, copies) });
  };
  const close = () => {
    setConfirming(null);
    inject.reset();
  };
  const run = (choice: InjectChoice) => {
    // A refusal stays in the dialog (from `inject`), in the server's words.
    inject.mutate(injectRequest(choice.kind, choice.target), {
      onSuccess: (fault) => {
        setConfirming(null);
        setTarget('');
        toast.warning(`${FAULT_KIND_LABELS[fault.kind]} injected on ${fault.targetName}`, { description: fault.effect });
      },
    });
  };
  // Once injected, the target leaves the choices (its volume fails, its mapping suspends) and the
  // button is disabled until another is chosen: focus goes to the next choice to make, not to it.
  // Decided while the request runs, so the dialog already holds it when it closes on success.
  const othersLeft = options.some((option) => option.value !== confirming?.target);
  const returnFocusId = inject.isPending || inject.isSuccess ? (othersLeft ? 'fault-target' : 'fault-kind') : INJECT_BUTTON_ID;
  const hintId = 'fault-inject-hint';
  const mappingStates = metadataLossStates(array.model);
  const what = kind === 'volume-io-error' ? 'a volume' : 'a mapping';
  return (
    <>
      <form
        className="flex flex-col gap-2 border-b border-line p-3"
        aria-label="Inject a fault"
        onSubmit={(event) => {
          event.preventDefault();
          open();
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
          <Button id={INJECT_BUTTON_ID} type="submit" variant="danger" disabled={chosen === ''}>
            Inject fault…
          </Button>
        </div>
        <p id={hintId} className="text-xs text-fg-subtle">
          {chosen === '' ? `Choose ${what}. ` : ''}Inject fault… shows what the engine says injecting does and asks before anything happens.
        </p>
      </form>
      {/* Outside the form: the dialog's buttons are no part of it (React events bubble through portals). */}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === null ? '' : `Inject ${FAULT_KIND_LABELS[confirming.kind]} on ${confirming.targetName}?`}
        confirmLabel="Inject fault"
        pendingLabel="Injecting…"
        pending={inject.isPending}
        confirmDisabled={!previewAllows(preview)}
        error={inject.isError ? errorMessage(inject.error) : null}
        onConfirm={() => confirming !== null && run(confirming)}
        onClose={close}
        returnFocusId={returnFocusId}
      >
        <EnginePreview query={preview} testId="fault-inject-preview" empty="Nothing changes beyond the fault itself." />
        <p className="mt-2 text-xs text-fg-muted">This simulates a fault of the array; Clear in this panel ends it.</p>
      </ConfirmDialog>
    </>
  );
}

/** A toast's line for what clearing did, from the engine's preview: counted, or its first sentence. */
function clearedDescription(previews: readonly Preview[]): string | undefined {
  return outcomeSummary(previews) ?? previewLines(previews)[0]?.text;
}

const clearButtonId = (fault: Fault) => `fault-${fault.id}-clear`;

function FaultRow({ fault, onClear }: { fault: Fault; onClear: () => void }) {
  const restores = fault.kind === 'controller-failure';
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
        <Button
          id={clearButtonId(fault)}
          size="sm"
          onClick={onClear}
          aria-label={restores && fault.slot !== null ? `Restore controller ${fault.slot}…` : `Clear ${FAULT_KIND_LABELS[fault.kind]} on ${fault.targetName}…`}
        >
          {restores ? 'Restore…' : 'Clear…'}
        </Button>
      </td>
    </tr>
  );
}

/** A fault about to be cleared, and where its row was (to find the row that takes its place once it is gone). */
interface Clearing {
  fault: Fault;
  index: number;
}

/** Clear or restore one fault of the list, asked first in a dialog that outlives the fault's row. */
function ClearDialog({
  array,
  clearing,
  list,
  basis,
  onClose,
}: {
  array: StorageArray;
  clearing: Clearing | null;
  list: Fault[];
  basis: string;
  onClose: () => void;
}) {
  const clear = useClearFault();
  const fault = clearing?.fault ?? null;
  const preview = usePreview(fault === null ? null : [{ command: 'clear-fault', faultId: fault.id }], basis);
  const slot = fault?.kind === 'controller-failure' ? fault.slot : null;
  const close = () => {
    onClose();
    clear.reset();
  };
  const run = (cleared: Fault) => {
    const foreseen = preview.data ?? [];
    clear.mutate(cleared.id, {
      onSuccess: () => {
        close();
        if (cleared.kind === 'controller-failure' && cleared.slot !== null)
          toast.success(`Controller ${cleared.slot} of ${array.name} restored`, { description: outcomeSummary(foreseen) ?? undefined });
        else toast.success(`${FAULT_KIND_LABELS[cleared.kind]} on ${cleared.targetName} cleared`, { description: clearedDescription(foreseen) });
      },
    });
  };
  // Cancel goes back to the row's button. Once cleared, the row leaves the table: focus goes to the
  // button of the row that takes its place (or the one above, or the panel's first field). Decided
  // while the request runs, so the dialog already holds it when it closes on success.
  let returnFocusId: string | undefined = fault === null ? undefined : clearButtonId(fault);
  if (clearing !== null && (clear.isPending || clear.isSuccess)) {
    const others = list.filter((candidate) => candidate.id !== clearing.fault.id);
    const next = others[clearing.index] ?? others[clearing.index - 1];
    returnFocusId = next === undefined ? 'fault-kind' : clearButtonId(next);
  }
  return (
    <ConfirmDialog
      open={fault !== null}
      title={
        fault === null ? '' : slot !== null ? `Restore controller ${slot} of ${array.name}?` : `Clear ${FAULT_KIND_LABELS[fault.kind]} on ${fault.targetName}?`
      }
      // As the controller card's own dialog says it, so one action reads the same wherever it is started.
      confirmLabel={slot !== null ? `Restore controller ${slot}` : 'Clear fault'}
      pendingLabel={slot !== null ? 'Restoring…' : 'Clearing…'}
      pending={clear.isPending}
      confirmDisabled={!previewAllows(preview)}
      tone="primary"
      error={clear.isError ? errorMessage(clear.error) : null}
      onConfirm={() => fault !== null && run(fault)}
      onClose={close}
      returnFocusId={returnFocusId}
    >
      <EnginePreview query={preview} testId="fault-clear-preview" empty="Nothing else changes." />
      <p className="mt-2 text-xs text-fg-muted">{slot !== null ? 'This ends the simulated failure.' : 'This ends the simulated fault.'}</p>
    </ConfirmDialog>
  );
}

export function FaultsPanel({ array, volumes }: { array: StorageArray; volumes: Volume[] | undefined }) {
  const faults = useFaults(array.id);
  const copies = useCopies();
  const arrayCopies = useMemo(() => (copies.data ?? []).filter((copy) => copy.arrayId === array.id), [copies.data, array.id]);
  const list = faults.data ?? [];
  const [clearing, setClearing] = useState<Clearing | null>(null);
  // What clearing does rests on the copies' states, the other faults and the controllers: asked again when they change.
  const clearBasis = [
    arrayCopies.map((copy) => `${copy.id}:${copy.state}`).join(','),
    list.map((fault) => fault.id).join(','),
    array.controllers.map((controller) => `${controller.slot}:${controller.status}`).join(','),
  ].join('|');
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
                <FaultRow key={fault.id} fault={fault} onClear={() => setClearing({ fault, index })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ClearDialog array={array} clearing={clearing} list={list} basis={clearBasis} onClose={() => setClearing(null)} />
    </Panel>
  );
}
