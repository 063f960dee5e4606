'use client';
// Where the wizard is: the five steps in order, the current one marked for assistive technology;
// steps already reachable are buttons, so any earlier choice is one click (or Enter) away.
import clsx from 'clsx';
import { WIZARD_STEPS, WIZARD_STEP_TITLES, type WizardStep } from '@/lib/client/wizard-state';

export function WizardStepNav({
  current,
  reachable,
  onGo,
}: {
  current: WizardStep;
  reachable: (step: WizardStep) => boolean;
  onGo: (step: WizardStep) => void;
}) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="flex flex-wrap items-center gap-1">
        {WIZARD_STEPS.map((step, index) => {
          const isCurrent = step === current;
          const label = `${index + 1}. ${WIZARD_STEP_TITLES[step]}`;
          const classes = clsx(
            'block rounded border px-2.5 py-1 text-xs leading-4',
            isCurrent ? 'border-accent bg-accent-soft font-semibold text-fg' : 'border-line text-fg-muted',
          );
          return (
            <li key={step}>
              {/* A step not reachable yet is dashed, not faded: opacity would take its text below AA contrast. */}
              {isCurrent || !reachable(step) ? (
                <span aria-current={isCurrent ? 'step' : undefined} className={clsx(classes, !isCurrent && 'border-dashed text-fg-subtle')}>
                  {label}
                </span>
              ) : (
                <button type="button" onClick={() => onGo(step)} className={clsx(classes, 'hover:bg-surface-hover hover:text-fg')}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
