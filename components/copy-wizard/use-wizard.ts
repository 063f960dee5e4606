'use client';
// Everything the wizard's page needs to know, from the URL and the data behind it: the array and
// its service, the plan (rows, targets, requests), which step can be shown and left, the review
// (the engine's preview of the chosen pairs, with what the wizard itself will do) and what must be
// typed before Create. The page only lays it out and acts.
import { useMemo } from 'react';
import { canCreateUnstarted, COPY_TYPE_BY_MODEL, type ArrayModel } from '@/engine/client';
import { useArrays } from '@/lib/client/use-arrays';
import { groupsFreeze, hasGroups, useConsistencyGroups } from '@/lib/client/use-consistency-groups';
import { useCopies } from '@/lib/client/use-copies';
import { defaultCopyName, defaultNamePattern, nameRuleProblem } from '@/lib/client/object-names';
import { useEligibilities, useEligibility } from '@/lib/client/use-eligibility';
import { useUrlState } from '@/lib/client/use-url-state';
import { useVolumes } from '@/lib/client/use-volumes';
import { checkOptions, groupNameError } from '@/lib/client/wizard-options';
import { planWizard } from '@/lib/client/wizard-plan';
import { usePreview } from '@/lib/client/use-preview';
import { overwrittenNames, reviewCommands, reviewLines, reviewRefusals, type ReviewInput } from '@/lib/client/wizard-review';
import { NEW_GROUP, WIZARD_STEPS, parseWizard, reachableStep, serializeWizard, type WizardStep } from '@/lib/client/wizard-state';
import type { CreatePlan } from './use-create-copies';

/** What to type before overwriting several existing targets at once (one pair: the target's name). */
const BULK_CONFIRM_WORD = 'overwrite';

export function useWizard() {
  const [state, update] = useUrlState(parseWizard, serializeWizard);
  const arrays = useArrays();
  const array = arrays.data?.find((candidate) => candidate.id === state.arrayId);
  const model = array?.model;
  const type = model === undefined ? undefined : COPY_TYPE_BY_MODEL[model];
  const volumes = useVolumes(state.arrayId === '' ? {} : { arrayId: state.arrayId });
  const arrayVolumes = useMemo(
    () => (array === undefined || volumes.data === undefined ? undefined : volumes.data.filter((volume) => volume.arrayId === array.id)),
    [array, volumes.data],
  );
  // Only volumes that exist on the array are asked about: a stale link's id would answer 404.
  const sourceIds = useMemo(
    () => (arrayVolumes === undefined ? [] : state.sourceIds.filter((id) => arrayVolumes.some((volume) => volume.id === id))),
    [arrayVolumes, state.sourceIds],
  );
  const eligibility = useEligibility(state.bulk ? undefined : type, state.bulk ? undefined : sourceIds[0]);
  const eligibilities = useEligibilities(state.bulk ? type : undefined, state.bulk ? sourceIds : []);
  const copies = useCopies();
  // The service's consistency groups (Storwize, DS6000), and on DS6000 the freeze that goes with one.
  const { grouping, freezing } = useMemo(
    () => ({ grouping: model !== undefined && hasGroups(model), freezing: model !== undefined && groupsFreeze(model) }),
    [model],
  );
  const groups = useConsistencyGroups(grouping);
  const freeze = freezing && state.group !== '' && state.freeze;

  const plan = useMemo(
    () => planWizard({ state, array, volumes: arrayVolumes, eligibility: eligibility.data, eligibilities: eligibilities.data }),
    [state, array, arrayVolumes, eligibility.data, eligibilities.data],
  );
  const optionsCheck = useMemo(() => (model === undefined ? { options: null, errors: {} } : checkOptions(model, state.options)), [model, state.options]);
  const arrayGroups = (groups.data ?? []).filter((group) => group.arrayId === state.arrayId);
  const groupError =
    grouping && state.group === NEW_GROUP
      ? groupNameError(
          state.groupName,
          arrayGroups.map((group) => group.name),
        )
      : null;
  const groupKnown = !grouping || state.group === '' || state.group === NEW_GROUP || groups.isPending || arrayGroups.some((group) => group.id === state.group);
  // The relationship's name (one pair only): the engine's rule as typed; '' leaves it to the array.
  const copyName = state.bulk ? '' : state.copyName.trim();
  const nameError = copyName === '' ? null : nameRuleProblem(copyName);
  // The array's default is exact only from the whole list: until it arrives, its pattern.
  const defaultName =
    model === undefined ? undefined : copies.data === undefined ? defaultNamePattern(model) : defaultCopyName(model, state.arrayId, copies.data);
  const optionsValid = optionsCheck.options !== null && groupError === null && groupKnown && nameError === null;
  const namingOf = (known: ArrayModel): ReviewInput['naming'] => {
    if (state.bulk) return { kind: 'defaults', pattern: defaultNamePattern(known) };
    return copyName !== '' ? { kind: 'given', name: copyName } : { kind: 'default', name: defaultName ?? defaultNamePattern(known) };
  };
  // Choices the data no longer backs (a deleted array or volume) count as not made.
  const known = {
    ...state,
    arrayId: array === undefined && !arrays.isPending ? '' : state.arrayId,
    sourceIds: arrayVolumes === undefined ? state.sourceIds : plan.sources.map((source) => source.id),
  };
  const shown = reachableStep(known, { targetValid: plan.loading || plan.targetValid, optionsValid });
  // Everything `shown` depends on has arrived: until then it gives the URL's step the benefit of the doubt.
  const settled = !arrays.isPending && (array === undefined || arrayVolumes !== undefined) && !plan.loading && (!grouping || !groups.isPending);
  const start = model !== undefined && !canCreateUnstarted(model) ? true : state.start;

  const canAdvance: Record<WizardStep, boolean> = {
    service: array !== undefined,
    source: plan.sources.length > 0,
    target: !plan.loading && plan.targetValid,
    options: optionsValid,
    review: false,
  };
  const reachable = (step: WizardStep) =>
    WIZARD_STEPS.indexOf(step) <= WIZARD_STEPS.indexOf(shown) || WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(step)).every((earlier) => canAdvance[earlier]);

  const onArray = (copies.data ?? []).filter((copy) => copy.arrayId === state.arrayId);
  const group: ReviewInput['group'] =
    grouping && state.group !== ''
      ? {
          name: state.group === NEW_GROUP ? state.groupName.trim() : (arrayGroups.find((candidate) => candidate.id === state.group)?.name ?? state.group),
          created: state.group === NEW_GROUP,
          freeze,
        }
      : null;
  const existingGroupId = grouping && state.group !== '' && state.group !== NEW_GROUP ? state.group : undefined;
  // The engine judges exactly what Create would send, once the review is shown.
  const commands =
    shown !== 'review' || type === undefined || optionsCheck.options === null || plan.requests.length === 0
      ? null
      : reviewCommands(
          {
            type,
            options: optionsCheck.options,
            start,
            ...(existingGroupId === undefined ? {} : { consistencyGroupId: existingGroupId }),
            ...(freeze ? { freeze: true } : {}),
            ...(copyName === '' ? {} : { name: copyName }),
          },
          plan.requests,
        );
  // Asked again when a copy on the array changes state (a queue slot frees) or a controller changes.
  const basis = [
    ...onArray.map((copy) => `${copy.id}:${copy.state}`),
    ...(array?.controllers ?? []).map((controller) => `${controller.slot}:${controller.status}`),
  ].join(',');
  const preview = usePreview(commands, basis);
  const previews = preview.isPlaceholderData ? undefined : preview.data;
  const lines =
    model === undefined || array === undefined || optionsCheck.options === null || plan.reviewPairs.length === 0
      ? []
      : reviewLines({
          model,
          arrayName: array.name,
          pairs: plan.reviewPairs,
          start,
          group,
          naming: namingOf(model),
          previews,
        });
  const review = {
    lines,
    /** The engine's answer for these pairs is not here yet (or is being asked again). */
    pending: commands !== null && previews === undefined && !preview.isError,
    error: preview.isError ? preview.error : null,
    retry: () => void preview.refetch(),
    refusals: reviewRefusals(plan.reviewPairs, previews),
  };
  const overwritten = overwrittenNames(plan.reviewPairs, previews);
  const confirmWord = overwritten.length === 0 ? null : state.bulk ? BULK_CONFIRM_WORD : (overwritten[0] ?? null);

  /** What Create sends, or null while something is missing. */
  function createPlan(onGroupCreated: (groupId: string) => void): CreatePlan | null {
    if (model === undefined || type === undefined || array === undefined || optionsCheck.options === null) return null;
    const chosenGroup: CreatePlan['group'] =
      !grouping || state.group === ''
        ? null
        : state.group === NEW_GROUP
          ? { kind: 'new', arrayId: array.id, name: state.groupName.trim() }
          : { kind: 'existing', id: state.group };
    return {
      requests: plan.requests,
      copy: { type, options: optionsCheck.options, start, ...(freeze ? { freeze: true } : {}), ...(copyName === '' ? {} : { name: copyName }) },
      group: chosenGroup,
      onGroupCreated,
    };
  }

  return {
    state,
    update,
    arrays,
    array,
    model,
    volumes,
    arrayVolumes,
    eligibility,
    eligibilities,
    plan,
    optionsCheck,
    arrayGroups,
    groupError,
    nameError,
    defaultName,
    defaultKnown: copies.data !== undefined,
    shown,
    settled,
    start,
    canAdvance,
    reachable,
    review,
    confirmWord,
    createPlan,
  };
}

export type Wizard = ReturnType<typeof useWizard>;
