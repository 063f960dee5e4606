'use client';
// The pairing wizard (/copies/new): array and service, source(s), target(s), options, review.
// Every choice lives in the URL; a step change adds a history entry, so Back and Forward walk
// the steps, while edits within a step replace it (no entry per keystroke). Creation errors
// land in the step they concern; one pair ends on its detail page, bulk on a summary.
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { PageFrame } from '@/components/shell/page-frame';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FormAlert } from '@/components/ui/form-alert';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { COPY_TYPE_BY_MODEL } from '@/engine/model';
import { outcomeText, type PairOutcome } from '@/lib/client/create-pairs';
import { useCan } from '@/lib/client/session';
import { useArrays } from '@/lib/client/use-arrays';
import { useConsistencyGroups } from '@/lib/client/use-consistency-groups';
import { useCopies } from '@/lib/client/use-copies';
import { useEligibilities, useEligibility } from '@/lib/client/use-eligibility';
import { useUrlState } from '@/lib/client/use-url-state';
import { useVolumes } from '@/lib/client/use-volumes';
import { canDeferStart, checkOptions, groupNameError, plannedRateBytesPerSec } from '@/lib/client/wizard-options';
import { failureOf, type StepFailure } from '@/lib/client/wizard-failure';
import { planWizard } from '@/lib/client/wizard-plan';
import { needsTypedConfirmation, reviewLines } from '@/lib/client/wizard-review';
import { DEFAULT_WIZARD, NEW_GROUP, WIZARD_STEPS, WIZARD_STEP_TITLES, nextStep, parseWizard, previousStep, reachableStep, serializeWizard, withArray, withSources, type WizardStep } from '@/lib/client/wizard-state';
import { BulkResults } from './bulk-results';
import { BulkTargetStep } from './bulk-target-step';
import { OptionsStep } from './options-step';
import { BULK_CONFIRM_WORD, ReviewStep } from './review-step';
import { ServiceStep } from './service-step';
import { SourceStep } from './source-step';
import { NewTargetChoice, TargetStep } from './target-step';
import { useCreateCopies } from './use-create-copies';
import { WizardStepNav } from './wizard-step-nav';

function Header() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-xs text-fg-muted">
        <Link href="/copies" className="hover:text-fg hover:underline">
          Copies
        </Link>{' '}
        / <span className="text-fg">New copy</span>
      </nav>
      <PageHeader title="New copy" description="Pair volumes with the copy service of their array: volume copy, ShadowImage pair or FlashCopy." />
    </>
  );
}

export function CopyWizardView() {
  const canOperate = useCan('operate');
  if (!canOperate) {
    return (
      <PageFrame>
        <Header />
        <Panel>
          <EmptyState title="Only operators and admins create copies" action={<Link href="/copies" className="text-accent hover:underline">Back to Copies</Link>}>
            Your role can see copies but not create them.
          </EmptyState>
        </Panel>
      </PageFrame>
    );
  }
  return <CopyWizard />;
}

function CopyWizard() {
  const router = useRouter();
  const [state, update] = useUrlState(parseWizard, serializeWizard);
  const arrays = useArrays();
  const array = arrays.data?.find((candidate) => candidate.id === state.arrayId);
  const model = array?.model;
  const type = model === undefined ? undefined : COPY_TYPE_BY_MODEL[model];
  const volumes = useVolumes(state.arrayId === '' ? {} : { arrayId: state.arrayId });
  const arrayVolumes = useMemo(() => (array === undefined || volumes.data === undefined ? undefined : volumes.data.filter((volume) => volume.arrayId === array.id)), [array, volumes.data]);
  // Only volumes that exist on the array are asked about: a stale link's id would answer 404.
  const sourceIds = useMemo(() => (arrayVolumes === undefined ? [] : state.sourceIds.filter((id) => arrayVolumes.some((volume) => volume.id === id))), [arrayVolumes, state.sourceIds]);
  const eligibility = useEligibility(state.bulk ? undefined : type, state.bulk ? undefined : sourceIds[0]);
  const eligibilities = useEligibilities(state.bulk ? type : undefined, state.bulk ? sourceIds : []);
  const copies = useCopies();
  const groups = useConsistencyGroups(model === 'storwize');
  const creation = useCreateCopies();
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const [results, setResults] = useState<PairOutcome[] | null>(null);

  const plan = useMemo(() => planWizard({ state, array, volumes: arrayVolumes, eligibility: eligibility.data, eligibilities: eligibilities.data }), [state, array, arrayVolumes, eligibility.data, eligibilities.data]);
  const optionsCheck = useMemo(() => (model === undefined ? { options: null, errors: {} } : checkOptions(model, state.options)), [model, state.options]);
  const arrayGroups = (groups.data ?? []).filter((group) => group.arrayId === state.arrayId);
  const groupError = model === 'storwize' && state.group === NEW_GROUP ? groupNameError(state.groupName, arrayGroups.map((group) => group.name)) : null;
  const groupKnown = model !== 'storwize' || state.group === '' || state.group === NEW_GROUP || groups.isPending || arrayGroups.some((group) => group.id === state.group);
  const optionsValid = optionsCheck.options !== null && groupError === null && groupKnown;
  // Choices the data no longer backs (a deleted array or volume) count as not made.
  const known = { ...state, arrayId: array === undefined && !arrays.isPending ? '' : state.arrayId, sourceIds: arrayVolumes === undefined ? state.sourceIds : plan.sources.map((source) => source.id) };
  const checks = { targetValid: plan.loading || plan.targetValid, optionsValid };
  const shown = reachableStep(known, checks);
  const start = model !== undefined && !canDeferStart(model) ? true : state.start;

  const heading = useRef<HTMLHeadingElement>(null);
  const lastShown = useRef(shown);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading, not on a vanished button.
    if (lastShown.current === shown) return;
    lastShown.current = shown;
    heading.current?.focus();
  }, [shown]);

  function goTo(step: WizardStep) {
    setFailure(null);
    update((current) => ({ ...current, step }), { push: true });
  }

  const canAdvance: Record<WizardStep, boolean> = {
    service: array !== undefined,
    source: plan.sources.length > 0,
    target: !plan.loading && plan.targetValid,
    options: optionsValid,
    review: false,
  };
  const reachable = (step: WizardStep) => WIZARD_STEPS.indexOf(step) <= WIZARD_STEPS.indexOf(shown) || WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(step)).every((earlier) => canAdvance[earlier]);

  async function create() {
    if (model === undefined || type === undefined || array === undefined || optionsCheck.options === null) return;
    setFailure(null);
    const result = await creation.create({
      requests: plan.requests,
      copy: { type, options: optionsCheck.options, start },
      group: model !== 'storwize' || state.group === '' ? null : state.group === NEW_GROUP ? { kind: 'new', arrayId: array.id, name: state.groupName.trim() } : { kind: 'existing', id: state.group },
      onGroupCreated: (groupId) => update((current) => ({ ...current, group: groupId, groupName: '' })),
    });
    if (result.kind === 'group-failed') {
      goTo('options');
      setFailure({ step: 'options', messages: [result.message], fields: {} });
      toast.error('Nothing was created', { description: result.message });
      return;
    }
    const { outcomes } = result;
    if (!state.bulk) {
      const outcome = outcomes[0];
      if (outcome === undefined) return;
      if (outcome.ok) {
        toast.success(start ? 'Copy created and started' : 'Copy created', { description: `${outcome.sourceName} → ${outcome.targetName}` });
        router.push(`/copies/${encodeURIComponent(outcome.copyId)}`);
        return;
      }
      const where = failureOf(outcome, model);
      goTo(where.step);
      setFailure(where);
      toast.error('The copy was not created', { description: outcomeText(outcome), duration: 15_000 });
      return;
    }
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    const title = `${outcomes.length - failed} of ${outcomes.length} ${outcomes.length === 1 ? 'copy' : 'copies'} created${failed > 0 ? `, ${failed} failed` : ''}`;
    if (failed === 0) toast.success(title);
    else toast.error(title, { description: 'The summary lists why.', duration: 15_000 });
    setResults(outcomes);
  }

  if (results !== null) {
    return (
      <PageFrame>
        <Header />
        <BulkResults
          outcomes={results}
          onAgain={() => {
            setResults(null);
            update(() => ({ ...DEFAULT_WIZARD, arrayId: state.arrayId, bulk: true, step: 'source' }), { push: true });
          }}
        />
      </PageFrame>
    );
  }

  const failureHere = failure !== null && failure.step === shown ? failure : null;
  const inProgress = (copies.data ?? []).filter((copy) => copy.arrayId === state.arrayId && copy.state === 'in-progress').length;
  const pendingCopies = (copies.data ?? []).filter((copy) => copy.arrayId === state.arrayId && copy.state === 'pending').length;
  const lines =
    model === undefined || array === undefined || optionsCheck.options === null || plan.reviewPairs.length === 0
      ? []
      : reviewLines({
          model,
          arrayName: array.name,
          pairs: plan.reviewPairs,
          options: optionsCheck.options,
          start,
          rateBytesPerSec: plannedRateBytesPerSec(model, optionsCheck.options),
          inProgressOnArray: inProgress,
          pendingOnArray: pendingCopies,
          group: model === 'storwize' && state.group !== '' ? { name: state.group === NEW_GROUP ? state.groupName.trim() : (arrayGroups.find((group) => group.id === state.group)?.name ?? state.group), created: state.group === NEW_GROUP } : null,
        });
  const confirmWord = needsTypedConfirmation(plan.reviewPairs) ? (state.bulk ? BULK_CONFIRM_WORD : (plan.reviewPairs[0]?.target.name ?? null)) : null;
  const index = WIZARD_STEPS.indexOf(shown);

  function body() {
    if (arrays.isError) return <ErrorState title="Could not load the arrays" error={arrays.error} onRetry={() => void arrays.refetch()} />;
    const loadError = shown === 'source' ? volumes.error : (volumes.error ?? eligibility.error ?? eligibilities.error);
    if (loadError !== null && shown !== 'service') return <ErrorState title="Could not load the volumes and their eligibility" error={loadError} onRetry={() => void (volumes.refetch(), eligibility.refetch())} />;
    // The source table stays up while a chosen source's eligibility loads: focus stays in it.
    if (arrays.isPending || (shown !== 'service' && arrayVolumes === undefined) || (shown !== 'service' && shown !== 'source' && plan.loading)) return <TableSkeleton label="Loading the array’s volumes" rows={6} columns={6} />;
    switch (shown) {
      case 'service':
        return <ServiceStep arrays={arrays.data} arrayId={state.arrayId} onChoose={(arrayId) => update((current) => withArray(current, arrayId))} />;
      case 'source':
        return <SourceStep state={state} update={update} rows={plan.sourceRows} />;
      case 'target': {
        const source = plan.sources[0];
        return (
          <div className="flex flex-col gap-3">
            <FormAlert messages={failureHere?.messages ?? []} />
            {state.bulk ? (
              <BulkTargetStep requests={plan.requests} blocked={plan.blocked} onDropBlocked={() => update((current) => withSources(current, current.sourceIds.filter((id) => !plan.blocked.some((entry) => entry.sourceId === id))))} capacityOf={(id) => plan.sources.find((candidate) => candidate.id === id)?.capacityBytes ?? 0} />
            ) : (
              <TargetStep
                state={state}
                update={update}
                rows={plan.targetRows}
                problems={plan.problems}
                newTarget={source === undefined ? null : <NewTargetChoice state={state} update={update} source={source} poolName={plan.poolName(source.poolId)} suggestedName={plan.suggestedName} nameError={plan.nameError} />}
              />
            )}
          </div>
        );
      }
      case 'options':
        return model === undefined ? null : <OptionsStep model={model} state={state} update={update} errors={{ ...optionsCheck.errors, ...(failureHere?.fields ?? {}) }} groups={arrayGroups} groupError={groupError} failure={failureHere?.messages ?? []} />;
      case 'review':
        return <ReviewStep key={confirmWord ?? ''} lines={lines} pairs={plan.reviewPairs.map((pair) => ({ source: pair.source.name, target: pair.target.name, created: pair.target.created }))} confirmWord={confirmWord} startLabel={start ? `Create and start${state.bulk ? ` ${plan.requests.length} copies` : ''}` : `Create${state.bulk ? ` ${plan.requests.length} copies` : ''}`} pending={creation.pending} failure={failureHere?.messages ?? []} onCreate={() => void create()} />;
    }
  }

  return (
    <PageFrame>
      <Header />
      <WizardStepNav current={shown} reachable={reachable} onGo={goTo} />
      <Panel bodyClassName="flex flex-col gap-3 p-3">
        <h2 ref={heading} tabIndex={-1} className="text-[13px] font-semibold text-fg outline-none" data-testid="wizard-step-title">
          Step {index + 1} of {WIZARD_STEPS.length}: {WIZARD_STEP_TITLES[shown]}
          {array !== undefined && shown !== 'service' ? <span className="font-normal text-fg-muted"> · {array.name}</span> : null}
        </h2>
        {body()}
      </Panel>
      <div className="flex justify-between gap-2">
        <Button disabled={index === 0 || creation.pending} onClick={() => goTo(previousStep(shown))}>
          Back
        </Button>
        {shown !== 'review' && (
          <Button variant="primary" disabled={!canAdvance[shown]} onClick={() => goTo(nextStep(shown))}>
            Next
          </Button>
        )}
      </div>
    </PageFrame>
  );
}
