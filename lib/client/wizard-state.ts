// The pairing wizard's choices live in the URL query, so a reload, a shared link and the back
// button keep them. Parsing is lenient (unknown values mean "not chosen yet"); option values are
// kept as typed, so a bad value from a hand-edited link is shown with its validation message
// rather than silently dropped.

export const WIZARD_STEPS = ['service', 'source', 'target', 'options', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const WIZARD_STEP_TITLES: Record<WizardStep, string> = {
  service: 'Array and service',
  source: 'Source',
  target: 'Target',
  options: 'Options',
  review: 'Review',
};

export const SOURCE_SORT_COLUMNS = ['name', 'capacity', 'pool', 'owner', 'roles', 'status'] as const;
export type SourceSortColumn = (typeof SOURCE_SORT_COLUMNS)[number];

/** The target choice meaning "create a matching volume when the copy is created". */
export const NEW_TARGET = 'new';
/** The consistency group choice meaning "create one with groupName". */
export const NEW_GROUP = 'new';

export interface WizardState {
  step: WizardStep;
  arrayId: string; // '' = not chosen
  bulk: boolean;
  sourceIds: string[];
  targetId: string; // '' = not chosen, NEW_TARGET, or a volume id (single mode only)
  newName: string; // the new target's name; '' = the suggested one
  /** Option values as typed, by option name; missing = the service's default. */
  options: Record<string, string>;
  group: string; // '' = none, NEW_GROUP, or a group id (storwize, ds6000)
  groupName: string;
  /** DS6000, with a group: freeze the sources from T0 until the group is thawed (mkflash -freeze). */
  freeze: boolean;
  /** Bulk: targets the administrator picked, by source id (a volume id or 'new'); the rest are matched. */
  targetFor: Record<string, string>;
  /** Bulk: every source not picked by hand gets a new target volume, none is matched. */
  alwaysNew: boolean;
  /** The relationship's name as typed; '' = the array's default (single mode only). */
  copyName: string;
  start: boolean;
  q: string;
  sort: SourceSortColumn | null;
  descending: boolean;
  /**
   * After a bulk Create: the ids of the copies it created, and how many pairs failed. The page then
   * shows that outcome instead of the steps, so a reload cannot offer the same plan again.
   */
  created: string[];
  failed: number;
}

export const DEFAULT_WIZARD: WizardState = {
  step: 'service',
  arrayId: '',
  bulk: false,
  sourceIds: [],
  targetId: '',
  newName: '',
  options: {},
  group: '',
  groupName: '',
  freeze: false,
  targetFor: {},
  alwaysNew: false,
  copyName: '',
  start: true,
  q: '',
  sort: null,
  descending: false,
  created: [],
  failed: 0,
};

const OPTION_PREFIX = 'opt.';
/** Bulk: `t.<sourceId>=<volumeId|new>`, a target picked by hand. */
const TARGET_PREFIX = 't.';

function isStep(value: string | null): value is WizardStep {
  return value !== null && (WIZARD_STEPS as readonly string[]).includes(value);
}

function isSortColumn(value: string | null): value is SourceSortColumn {
  return value !== null && (SOURCE_SORT_COLUMNS as readonly string[]).includes(value);
}

export function parseWizard(params: URLSearchParams): WizardState {
  const step = params.get('step');
  const sort = params.get('sort');
  const bulk = params.get('bulk') === '1';
  const sourceIds = [...new Set(params.getAll('source').filter((id) => id !== ''))];
  const options: Record<string, string> = {};
  for (const [key, value] of params) if (key.startsWith(OPTION_PREFIX)) options[key.slice(OPTION_PREFIX.length)] = value;
  // Picks for sources that are not (or no longer) chosen mean nothing: they are dropped.
  const targetFor: Record<string, string> = {};
  for (const [key, value] of params) {
    const sourceId = key.slice(TARGET_PREFIX.length);
    if (bulk && key.startsWith(TARGET_PREFIX) && value !== '' && sourceIds.includes(sourceId)) targetFor[sourceId] = value;
  }
  return {
    step: isStep(step) ? step : 'service',
    arrayId: params.get('array') ?? '',
    bulk,
    // One source unless in bulk mode: a link with several and no bulk flag keeps the first.
    sourceIds: bulk ? sourceIds : sourceIds.slice(0, 1),
    targetId: bulk ? '' : (params.get('target') ?? ''),
    newName: params.get('name') ?? '',
    options,
    group: params.get('group') ?? '',
    groupName: params.get('groupName') ?? '',
    freeze: params.get('freeze') === '1',
    targetFor,
    alwaysNew: bulk && params.get('new') === '1',
    // `name` is the new target volume's; the relationship's own is `copyName`. Bulk gives defaults.
    copyName: bulk ? '' : (params.get('copyName') ?? ''),
    start: params.get('start') !== '0',
    q: params.get('q') ?? '',
    sort: isSortColumn(sort) ? sort : null,
    descending: isSortColumn(sort) && params.get('dir') === 'desc',
    created: [...new Set(params.getAll('created').filter((id) => id !== ''))],
    failed: countOf(params.get('failed')),
  };
}

function countOf(text: string | null): number {
  const value = Number(text ?? '0');
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function serializeWizard(state: WizardState): string {
  const params = new URLSearchParams();
  if (state.step !== 'service') params.set('step', state.step);
  if (state.arrayId !== '') params.set('array', state.arrayId);
  if (state.bulk) params.set('bulk', '1');
  for (const id of state.sourceIds) params.append('source', id);
  if (!state.bulk && state.targetId !== '') params.set('target', state.targetId);
  if (state.newName !== '') params.set('name', state.newName);
  for (const [name, value] of Object.entries(state.options)) params.set(`${OPTION_PREFIX}${name}`, value);
  if (state.group !== '') params.set('group', state.group);
  if (state.groupName !== '') params.set('groupName', state.groupName);
  if (state.freeze) params.set('freeze', '1');
  if (state.bulk) {
    for (const [sourceId, targetId] of Object.entries(state.targetFor)) params.set(`${TARGET_PREFIX}${sourceId}`, targetId);
    if (state.alwaysNew) params.set('new', '1');
  }
  if (!state.bulk && state.copyName !== '') params.set('copyName', state.copyName);
  if (!state.start) params.set('start', '0');
  if (state.q !== '') params.set('q', state.q);
  if (state.sort !== null) {
    params.set('sort', state.sort);
    if (state.descending) params.set('dir', 'desc');
  }
  for (const id of state.created) params.append('created', id);
  if (state.failed > 0) params.set('failed', String(state.failed));
  return params.toString();
}

/**
 * The URL after a bulk Create that made at least one copy: the array, bulk mode and the outcome,
 * none of the plan. Null when nothing was made: the review stays, to try again.
 */
export function afterBulkCreate(state: WizardState, createdIds: readonly string[], failedCount: number): WizardState | null {
  if (createdIds.length === 0) return null;
  return { ...DEFAULT_WIZARD, arrayId: state.arrayId, bulk: true, created: [...createdIds], failed: failedCount };
}

/** A new array means new volumes and another service: everything chosen after it is dropped. */
export function withArray(state: WizardState, arrayId: string): WizardState {
  if (arrayId === state.arrayId) return state;
  return { ...DEFAULT_WIZARD, step: state.step, bulk: state.bulk, arrayId };
}

/** Switching between one pair and bulk keeps the first source; targets are matched anew, and bulk copies take default names. */
export function withBulk(state: WizardState, bulk: boolean): WizardState {
  if (bulk === state.bulk) return state;
  return {
    ...state,
    bulk,
    sourceIds: bulk ? state.sourceIds : state.sourceIds.slice(0, 1),
    targetId: '',
    newName: '',
    copyName: '',
    targetFor: {},
    alwaysNew: false,
  };
}

/** A different source set invalidates the target picked for the previous one. */
export function withSources(state: WizardState, sourceIds: string[]): WizardState {
  const same = sourceIds.length === state.sourceIds.length && sourceIds.every((id, index) => state.sourceIds[index] === id);
  if (same) return state;
  // Picks of sources still chosen stay; the others go with their sources.
  const targetFor = Object.fromEntries(Object.entries(state.targetFor).filter(([sourceId]) => sourceIds.includes(sourceId)));
  return { ...state, sourceIds, targetId: '', newName: '', targetFor };
}

/** Whether each step has what it needs from the ones before (options validity is checked apart). */
export function stepReady(state: WizardState, step: WizardStep): boolean {
  switch (step) {
    case 'service':
      return true;
    case 'source':
      return state.arrayId !== '';
    case 'target':
      return state.arrayId !== '' && state.sourceIds.length > 0;
    case 'options':
    case 'review':
      return state.arrayId !== '' && state.sourceIds.length > 0 && (state.bulk || state.targetId !== '');
  }
}

/** What only the page can check: a new target's name, and the options (with the group and the copy's name). */
export interface StepChecks {
  targetValid: boolean;
  optionsValid: boolean;
}

/** The step to show: the asked one, or the furthest earlier one whose inputs are complete. */
export function reachableStep(state: WizardState, checks: StepChecks): WizardStep {
  const wanted = WIZARD_STEPS.indexOf(state.step);
  for (let index = wanted; index > 0; index--) {
    const step = WIZARD_STEPS[index] as WizardStep;
    const checked = step === 'options' ? checks.targetValid : step === 'review' ? checks.targetValid && checks.optionsValid : true;
    if (stepReady(state, step) && checked) return step;
  }
  return 'service';
}

export function nextStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step) + 1, WIZARD_STEPS.length - 1)] as WizardStep;
}

export function previousStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[Math.max(WIZARD_STEPS.indexOf(step) - 1, 0)] as WizardStep;
}
