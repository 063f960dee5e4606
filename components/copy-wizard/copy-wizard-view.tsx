'use client';
// The pairing wizard (/copies/new): array and service, source(s), target(s), options, review.
// Every choice lives in the URL; a step change adds a history entry, so Back and Forward walk
// the steps, while edits within a step replace it (no entry per keystroke). Creation errors
// land in the step they concern; one pair ends on its detail page, bulk on a summary.
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { PageFrame } from '@/components/shell/page-frame';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { outcomeText, type PairOutcome } from '@/lib/client/create-pairs';
import { useCan } from '@/lib/client/session';
import { failureOf, type StepFailure } from '@/lib/client/wizard-failure';
import { DEFAULT_WIZARD, WIZARD_STEPS, WIZARD_STEP_TITLES, nextStep, previousStep, type WizardStep } from '@/lib/client/wizard-state';
import { BulkResults } from './bulk-results';
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
  const wizard = useWizard();
  const { state, update, shown, array, model } = wizard;
  const creation = useCreateCopies();
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const [results, setResults] = useState<PairOutcome[] | null>(null);

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
        toast.success(wizard.start ? `Copy ${outcome.copyName} created and started` : `Copy ${outcome.copyName} created`, { description: `${outcome.sourceName} → ${outcome.targetName}` });
        router.push(`/copies/${encodeURIComponent(outcome.copyId)}`);
        return;
      }
      failIn(failureOf(outcome, model, plan.copy.name));
      toast.error('The copy was not created', { description: outcomeText(outcome), duration: 15_000 });
      return;
    }
    const failed = outcomes.filter((candidate) => !candidate.ok).length;
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
        <WizardStepBody wizard={wizard} failure={failure !== null && failure.step === shown ? failure : null} pending={creation.pending} onCreate={() => void create()} />
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
