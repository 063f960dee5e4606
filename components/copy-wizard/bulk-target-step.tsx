'use client';
// Step 3, bulk: a target for every source. Matched automatically (a free eligible volume of the
// right size, else a new `<source>_copy` volume) unless the administrator picks one for a source,
// or asks for new volumes for all. Sources that cannot be copied at all are named with the
// engine's reasons, to be removed in step 2; a picked target that cannot take its source says why.
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { Select, type SelectOption } from '@/components/ui/select';
import type { PairRequest } from '@/lib/client/create-pairs';
import { NEW_TARGET_CHOICE, targetOptionsFor, type EligibilityEntry } from '@/lib/client/target-matching';
import type { Volume } from '@/lib/client/types';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';
import type { BulkProblem, WizardPlan } from '@/lib/client/wizard-plan';
import type { WizardState } from '@/lib/client/wizard-state';
import { formatBytes } from '@/lib/units';

/** The Select's value for "let the wizard match it". */
const AUTOMATIC = '__auto__';

function TargetChoice({
  request,
  state,
  update,
  options,
}: {
  request: PairRequest;
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  options: Volume[];
}) {
  const picked = state.targetFor[request.sourceId];
  const choices: SelectOption[] = [
    { value: AUTOMATIC, label: state.alwaysNew ? 'Automatic: a new volume' : 'Automatic: matched', textValue: 'Automatic' },
    { value: NEW_TARGET_CHOICE, label: 'A new volume', hint: `${request.sourceName}_copy, same size and pool`, textValue: 'A new volume' },
    ...options.map((volume) => ({ value: volume.id, label: volume.name, hint: formatBytes(BigInt(volume.capacityBytes)), textValue: volume.name })),
  ];
  // A pick the options no longer hold (paired meanwhile) stays shown, so its refusal makes sense.
  if (picked !== undefined && picked !== NEW_TARGET_CHOICE && !options.some((volume) => volume.id === picked))
    choices.push({ value: picked, label: request.target.name, textValue: request.target.name });
  const choose = (value: string) =>
    update((current) => {
      const targetFor = { ...current.targetFor };
      if (value === AUTOMATIC) delete targetFor[request.sourceId];
      else targetFor[request.sourceId] = value;
      return { ...current, targetFor };
    });
  return (
    <Select
      id={`bulk-target-${request.sourceId}`}
      aria-label={`Target for ${request.sourceName}`}
      value={picked ?? AUTOMATIC}
      onValueChange={choose}
      options={choices}
      className="w-60"
    />
  );
}

export function BulkTargetStep({
  state,
  update,
  plan,
  volumes,
  eligibilities,
  capacityOf,
  blocked,
  onDropBlocked,
}: {
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  plan: Pick<WizardPlan, 'requests' | 'sources' | 'rejectedPicks'>;
  volumes: Volume[];
  eligibilities: ReadonlyMap<string, readonly EligibilityEntry[]>;
  capacityOf: (sourceId: string) => string | number;
  blocked: BulkProblem[];
  onDropBlocked: () => void;
}) {
  const rejected = new Map(plan.rejectedPicks.map((entry) => [entry.sourceId, entry.reasons]));
  return (
    <div className="flex flex-col gap-3">
      <FormAlert messages={blocked.map((entry) => `${entry.sourceName} cannot be copied now: ${entry.problems.join('; ')}.`)} />
      {blocked.length > 0 && (
        <div>
          <Button size="sm" onClick={onDropBlocked}>
            Leave out {blocked.length === 1 ? 'this source' : `these ${blocked.length} sources`}
          </Button>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-fg-muted">
          Each source gets a free eligible volume of the right size when one exists, and otherwise a new volume of the same size in the same pool, created with
          its copy. Pick another target for any source below.
        </p>
        <label className="flex items-center gap-2 text-xs text-fg">
          <input
            type="checkbox"
            checked={state.alwaysNew}
            onChange={(event) => update((current) => ({ ...current, alwaysNew: event.target.checked }))}
            className="size-3.5 accent-(--accent)"
          />
          Always create new target volumes
        </label>
      </div>
      <div className="overflow-auto rounded border border-line">
        <table aria-label="Matched pairs" className="w-full border-collapse text-left">
          <thead className="bg-surface-raised text-xs text-fg-muted">
            <tr>
              <th scope="col" className="h-8 border-b border-line px-3 font-medium">
                Source
              </th>
              <th scope="col" className="h-8 border-b border-line px-2 text-right font-medium">
                Size
              </th>
              <th scope="col" className="h-8 border-b border-line px-3 font-medium">
                Target
              </th>
              <th scope="col" className="h-8 border-b border-line px-3 font-medium">
                Choose
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.requests.map((request) => {
              const source = plan.sources.find((candidate) => candidate.id === request.sourceId);
              const options = source === undefined ? [] : (targetOptionsFor(source, plan.sources, volumes, eligibilities) as Volume[]);
              const reasons = rejected.get(request.sourceId);
              return (
                <tr key={request.sourceId} className="align-top [&:last-child>td]:border-b-0" data-testid="bulk-pair">
                  <td className="h-9 border-b border-line px-3 py-2 font-mono text-xs">{request.sourceName}</td>
                  <td className="h-9 border-b border-line px-2 py-2 text-right tabular-nums">{formatBytes(BigInt(capacityOf(request.sourceId)))}</td>
                  <td className="h-9 border-b border-line px-3 py-2">
                    <span className="font-mono text-xs">{request.target.name}</span>{' '}
                    {request.target.kind === 'new' ? <Badge tone="accent">new volume</Badge> : <Badge tone="warn">existing: contents overwritten</Badge>}
                    {reasons !== undefined && (
                      <p className="mt-1 text-xs text-bad" data-testid="bulk-pick-refused">
                        {request.target.name} cannot be the target: {reasons.join('; ')}
                      </p>
                    )}
                  </td>
                  <td className="h-9 border-b border-line px-3 py-1">
                    <TargetChoice request={request} state={state} update={update} options={options} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
