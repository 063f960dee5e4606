'use client';
// Step 3, one pair: every volume of the array, eligible ones first; the others show the engine's
// reasons and cannot be chosen. First in the list, the shortcut: a new volume matching the
// source (same size and pool, so the same LSS on DS6000), created only when the copy is.
import clsx from 'clsx';
import { useCallback, useMemo, type ReactNode } from 'react';
import { describedBy, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { NEW_TARGET, type WizardState } from '@/lib/client/wizard-state';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';
import type { Volume } from '@/lib/client/types';
import type { RejectedTarget } from '@/lib/client/wizard-plan';
import { formatBytes } from '@/lib/units';
import { DraftInput } from './draft-input';
import { VolumePickTable, type PickRow } from './volume-pick-table';

export function NewTargetChoice({
  state,
  update,
  source,
  poolName,
  suggestedName,
  nameError,
}: {
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  source: Volume;
  poolName: string;
  suggestedName: string;
  nameError: string | null;
}) {
  const chosen = state.targetId === NEW_TARGET;
  const hint = `${formatBytes(BigInt(source.capacityBytes))} in pool ${poolName} on controller ${source.currentOwner}, like ${source.name}; created when you create the copy.`;
  return (
    <div className={clsx('flex flex-wrap items-start gap-3 rounded border p-3', chosen ? 'border-accent bg-accent-soft' : 'border-line')}>
      <label className="flex items-center gap-2 font-medium text-fg">
        <input
          type="radio"
          name="wizard-target"
          value={NEW_TARGET}
          checked={chosen}
          onChange={() => update((current) => ({ ...current, targetId: NEW_TARGET }))}
          className="size-3.5 accent-(--accent)"
        />
        Create a matching target volume
      </label>
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor="wizard-new-name" className="sr-only">
          New target volume name
        </label>
        <DraftInput
          id="wizard-new-name"
          value={state.newName === '' ? suggestedName : state.newName}
          onValueChange={(text) => update((current) => ({ ...current, targetId: NEW_TARGET, newName: text }))}
          aria-invalid={(chosen && nameError !== null) || undefined}
          aria-describedby={describedBy('wizard-new-name', chosen && nameError !== null ? nameError : undefined, hint)}
          spellCheck={false}
          className={clsx(inputClasses(chosen && nameError !== null), 'max-w-sm font-mono text-xs')}
        />
        {chosen && nameError !== null ? (
          <p id="wizard-new-name-error" className="text-xs text-bad">
            Name {nameError}
          </p>
        ) : (
          <p id="wizard-new-name-hint" className="text-xs text-fg-subtle">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

export function TargetStep({
  state,
  update,
  rows,
  problems,
  rejected,
  newTarget,
}: {
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  /** Every volume of the array with its reasons, eligible first. */
  rows: PickRow[];
  /** Problems of the source itself: no target can be chosen. */
  problems: string[];
  /** The chosen target, when it cannot be one: said here, since the wizard cannot go past this step. */
  rejected: RejectedTarget | null;
  newTarget: ReactNode;
}) {
  const onChoose = useCallback((volumeId: string) => update((current) => ({ ...current, targetId: volumeId })), [update]);
  const chosen = useMemo(() => (state.targetId === NEW_TARGET ? [] : [state.targetId]), [state.targetId]);
  const eligible = rows.filter((row) => row.reasons?.length === 0).length;
  return (
    <div className="flex flex-col gap-3">
      {rejected !== null && problems.length === 0 && (
        <FormAlert
          messages={[`The chosen target ${rejected.name} cannot be used: ${rejected.reasons.join('; ')}. Choose another target, or create a matching one.`]}
        />
      )}
      {problems.length > 0 ? <FormAlert messages={problems.map((problem) => `The source cannot be copied now: ${problem}`)} /> : newTarget}
      <p className="text-xs text-fg-muted" data-testid="eligible-count">
        {eligible} of {rows.length} volumes on this array can be the target. Volumes that cannot say why.
      </p>
      <VolumePickTable rows={rows} label="Target volumes" name="wizard-target" multiple={false} chosen={chosen} onChoose={onChoose} />
    </div>
  );
}
