'use client';
// The pairing wizard (/copies/new): array and service, source(s), target(s), options, review.
// Every choice lives in the URL; a step change adds a history entry, so Back and Forward walk
// the steps, while edits within a step replace it (no entry per keystroke). Creation errors
// land in the step they concern; one pair ends on its detail page, bulk on a summary. Either way
// the review's URL is replaced, so a reload or Back never offers to create the same plan again;
// and a URL asking for a step its choices do not reach is corrected to the step shown.
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { PageFrame } from '@/components/shell/page-frame';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { outcomeText, resultsTitle, type PairOutcome } from '@/lib/client/create-pairs';
import { useCan } from '@/lib/client/session';
import { failureOf, type StepFailure } from '@/lib/client/wizard-failure';
import { afterBulkCreate, DEFAULT_WIZARD, WIZARD_STEPS, WIZARD_STEP_TITLES, nextStep, previousStep, type WizardStep } from '@/lib/client/wizard-state';
import { BulkResults, CreatedCopiesResults } from './bulk-results';
import { useCreateCopies } from './use-create-copies';
import { useWizard } from './use-wizard';
import { WizardStepBody } from './wizard-step-body';
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
          <EmptyState
            title="Only operators and admins create copies"
            action={
              <Link href="/copies" className="text-accent hover:underline">
                Back to Copies
              </Link>
            }
          >
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
  const wizard = useWizard();
  const { state, update, shown, array, model } = wizard;
  const creation = useCreateCopies();
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const [results, setResults] = useState<PairOutcome[] | null>(null);

  // Set once a created copy's page is on its way: the copy just made its target ineligible, and
  // the step correction below must not rewrite the URL under that navigation.
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    // A URL asking for a step its choices do not reach (a hand-made link, a target paired since)
    // shows an earlier step; the URL then says which, in place, so it is never a step not shown.
    if (!leaving && !creation.pending && wizard.settled && shown !== state.step) update((current) => ({ ...current, step: shown }));
  }, [leaving, creation.pending, wizard.settled, shown, state.step, update]);

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

  function failIn(where: StepFailure) {
    goTo(where.step);
    setFailure(where);
  }

  async function create() {
    const plan = wizard.createPlan((groupId) => update((current) => ({ ...current, group: groupId, groupName: '' })));
    if (plan === null || model === undefined) return;
    setFailure(null);
    const result = await creation.create(plan);
    if (result.kind === 'group-failed') {
      failIn({ step: 'options', messages: [result.message], fields: {} });
      toast.error('Nothing was created', { description: result.message });
      return;
    }
    const { outcomes } = result;
    const [outcome] = outcomes;
    if (!state.bulk && outcome !== undefined) {
      if (outcome.ok) {
        toast.success(wizard.start ? `Copy ${outcome.copyName} created and started` : `Copy ${outcome.copyName} created`, {
          description: `${outcome.sourceName} → ${outcome.targetName}`,
        });
        setLeaving(true);
        // Replaced, not pushed: Back must not return to a review offering this copy again.
        router.replace(`/copies/${encodeURIComponent(outcome.copyId)}`);
        return;
      }
      failIn(failureOf(outcome, model, plan.copy.name));
      toast.error('The copy was not created', { description: outcomeText(outcome), duration: 15_000 });
      return;
    }
    const createdIds = outcomes.flatMap((candidate) => (candidate.ok ? [candidate.copyId] : []));
    const failed = outcomes.length - createdIds.length;
    const title = resultsTitle(createdIds.length, failed);
    if (failed === 0) toast.success(title);
    else toast.error(title, { description: 'The summary lists why.', duration: 15_000 });
    setResults(outcomes);
    // The review's URL would offer the plan again on a reload (new targets for the same sources):
    // the outcome takes its place in history.
    const after = afterBulkCreate(state, createdIds, failed);
    if (after !== null) update(() => after);
  }

  const again = () => {
    setResults(null);
    update(() => ({ ...DEFAULT_WIZARD, arrayId: state.arrayId, bulk: true, step: 'source' }), { push: true });
  };
  if (results !== null || state.created.length > 0) {
    return (
      <PageFrame>
        <Header />
        {results !== null ? (
          <BulkResults outcomes={results} onAgain={again} />
        ) : (
          <CreatedCopiesResults arrayId={state.arrayId} copyIds={state.created} failedCount={state.failed} onAgain={again} />
        )}
      </PageFrame>
    );
  }

  const index = WIZARD_STEPS.indexOf(shown);
  return (
    <PageFrame>
      <Header />
      <WizardStepNav current={shown} reachable={wizard.reachable} onGo={goTo} />
      <Panel bodyClassName="flex flex-col gap-3 p-3">
        <h2 ref={heading} tabIndex={-1} className="text-[13px] font-semibold text-fg outline-none" data-testid="wizard-step-title">
          Step {index + 1} of {WIZARD_STEPS.length}: {WIZARD_STEP_TITLES[shown]}
          {array !== undefined && shown !== 'service' ? <span className="font-normal text-fg-muted"> · {array.name}</span> : null}
        </h2>
        <WizardStepBody
          wizard={wizard}
          failure={failure !== null && failure.step === shown ? failure : null}
          pending={creation.pending}
          onCreate={() => void create()}
        />
      </Panel>
      <div className="flex justify-between gap-2">
        <Button disabled={index === 0 || creation.pending} onClick={() => goTo(previousStep(shown))}>
          Back
        </Button>
        {shown !== 'review' && (
          <Button variant="primary" disabled={!wizard.canAdvance[shown]} onClick={() => goTo(nextStep(shown))}>
            Next
          </Button>
        )}
      </div>
    </PageFrame>
  );
}
