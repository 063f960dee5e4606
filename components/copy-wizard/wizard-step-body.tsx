'use client';
// The current step's content: loading and error states first, then the step itself, with a
// creation failure shown in the step it concerns.
import { ErrorState } from '@/components/ui/error-state';
import { FormAlert } from '@/components/ui/form-alert';
import { TableSkeleton } from '@/components/ui/skeleton';
import { defaultNamePattern } from '@/lib/client/object-names';
import { nameFailureFor, type StepFailure } from '@/lib/client/wizard-failure';
import { withArray, withSources } from '@/lib/client/wizard-state';
import { BulkTargetStep } from './bulk-target-step';
import { OptionsStep } from './options-step';
import { ReviewStep } from './review-step';
import { ServiceStep } from './service-step';
import { SourceStep } from './source-step';
import { NewTargetChoice, TargetStep } from './target-step';
import type { Wizard } from './use-wizard';

function TargetBody({ wizard, failure }: { wizard: Wizard; failure: StepFailure | null }) {
  const { state, update, plan } = wizard;
  const source = plan.sources[0];
  const dropBlocked = () =>
    update((current) =>
      withSources(
        current,
        current.sourceIds.filter((id) => !plan.blocked.some((entry) => entry.sourceId === id)),
      ),
    );
  return (
    <div className="flex flex-col gap-3">
      <FormAlert messages={failure?.messages ?? []} />
      {state.bulk ? (
        <BulkTargetStep
          state={state}
          update={update}
          plan={plan}
          volumes={wizard.arrayVolumes ?? []}
          eligibilities={wizard.eligibilities.data ?? new Map()}
          blocked={plan.blocked}
          onDropBlocked={dropBlocked}
          capacityOf={(id) => plan.sources.find((candidate) => candidate.id === id)?.capacityBytes ?? 0}
        />
      ) : (
        <TargetStep
          state={state}
          update={update}
          rows={plan.targetRows}
          problems={plan.problems}
          rejected={plan.rejectedTarget}
          newTarget={
            source === undefined ? null : (
              <NewTargetChoice
                state={state}
                update={update}
                source={source}
                poolName={plan.poolName(source.poolId)}
                suggestedName={plan.suggestedName}
                nameError={plan.nameError}
              />
            )
          }
        />
      )}
    </div>
  );
}

export function WizardStepBody({
  wizard,
  failure,
  pending,
  onCreate,
}: {
  wizard: Wizard;
  failure: StepFailure | null;
  pending: boolean;
  onCreate: () => void;
}) {
  const { state, update, arrays, shown, plan, model } = wizard;
  if (arrays.isError) return <ErrorState title="Could not load the arrays" error={arrays.error} onRetry={() => void arrays.refetch()} />;
  const loadError = shown === 'source' ? wizard.volumes.error : (wizard.volumes.error ?? wizard.eligibility.error ?? wizard.eligibilities.error);
  if (loadError !== null && shown !== 'service')
    return (
      <ErrorState
        title="Could not load the volumes and their eligibility"
        error={loadError}
        onRetry={() => void (wizard.volumes.refetch(), wizard.eligibility.refetch())}
      />
    );
  // The source table stays up while a chosen source's eligibility loads: focus stays in it.
  if (arrays.isPending || (shown !== 'service' && wizard.arrayVolumes === undefined) || (shown !== 'service' && shown !== 'source' && plan.loading))
    return <TableSkeleton label="Loading the array’s volumes" rows={6} columns={6} />;
  const count = state.bulk ? ` ${plan.requests.length} copies` : '';
  switch (shown) {
    case 'service':
      return <ServiceStep arrays={arrays.data} arrayId={state.arrayId} onChoose={(arrayId) => update((current) => withArray(current, arrayId))} />;
    case 'source':
      return <SourceStep state={state} update={update} rows={plan.sourceRows} />;
    case 'target':
      return <TargetBody wizard={wizard} failure={failure} />;
    case 'options':
      return model === undefined ? null : (
        <OptionsStep
          model={model}
          state={state}
          update={update}
          errors={{ ...wizard.optionsCheck.errors, ...(failure?.fields ?? {}) }}
          nameError={wizard.nameError !== null ? `Name ${wizard.nameError}` : nameFailureFor(failure, state.copyName)}
          defaultName={state.bulk ? defaultNamePattern(model) : (wizard.defaultName ?? defaultNamePattern(model))}
          defaultKnown={!state.bulk && wizard.defaultKnown}
          groups={wizard.arrayGroups}
          groupError={wizard.groupError}
          failure={failure?.messages ?? []}
        />
      );
    case 'review':
      return (
        <ReviewStep
          key={wizard.confirmWord ?? ''}
          review={wizard.review}
          pairs={plan.reviewPairs.map((pair) => ({ source: pair.source.name, target: pair.target.name, created: pair.target.created }))}
          confirmWord={wizard.confirmWord}
          startLabel={wizard.start ? `Create and start${count}` : `Create${count}`}
          pending={pending}
          failure={failure?.messages ?? []}
          onCreate={onCreate}
        />
      );
  }
}
