'use client';
// Step 4: the relationship's name (optional), on Storwize the GUI's presets, the service's options with their defaults, what each
// value buys and why it matters; for Storwize, XP7 and DS6000 also the consistency group (none, new or
// existing), on DS6000 with the freeze that goes with one, and for every service whether to start
// now. Problems show under the field they concern, as typed.
import { FormAlert } from '@/components/ui/form-alert';
import { inputClasses } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { canCreateUnstarted, unstartedRefusal, type ArrayModel } from '@/engine/client';
import { RELATIONSHIP_WORDS } from '@/lib/client/copy-services';
import { groupsFreeze, hasGroups, type ConsistencyGroup } from '@/lib/client/use-consistency-groups';
import type { UrlStateUpdate } from '@/lib/client/use-url-state';
import { optionFieldsOf } from '@/lib/client/option-fields';
import { defaultDrafts } from '@/lib/client/wizard-options';
import { NEW_GROUP, type WizardState } from '@/lib/client/wizard-state';
import { DraftInput } from './draft-input';
import { NameRow } from './name-row';
import { OptionRow } from './option-row';
import { PresetRow } from './preset-row';

const NO_GROUP = '__none__';

/** What a group does for its members, in the service's words (the engine's table says how they act). */
const GROUP_HINTS: Partial<Record<ArrayModel, { none: string; hint: string }>> = {
  storwize: {
    none: 'None: this mapping starts on its own',
    hint: 'Mappings of one group are prepared and started together, at one point in time. Default: none.',
  },
  xp7: {
    none: 'None',
    hint: 'A consistency group (CTG) takes the pair for as long as it exists; splitting the group splits all its pairs at one instant, so their S-VOLs form a consistent set. Default: none.',
  },
  ds6000: {
    none: 'None',
    hint: 'Relationships of one group are established one by one; frozen, their sources hold still until the group is thawed, so the targets form a consistent set. Default: none.',
  },
};

function GroupChoice({
  model,
  state,
  update,
  groups,
  error,
}: {
  model: ArrayModel;
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  groups: ConsistencyGroup[];
  error: string | null;
}) {
  const words = RELATIONSHIP_WORDS[model];
  const hints = GROUP_HINTS[model];
  const options = [
    { value: NO_GROUP, label: hints?.none ?? 'None' },
    { value: NEW_GROUP, label: 'New group…' },
    ...groups.map((group) => ({
      value: group.id,
      label: `${group.name} (${group.memberIds.length} ${group.memberIds.length === 1 ? words.one : words.many}, ${group.state}${group.frozen ? ', frozen' : ''})`,
      textValue: group.name,
    })),
  ];
  const value = state.group === '' ? NO_GROUP : state.group;
  const known = value === NO_GROUP || value === NEW_GROUP || groups.some((group) => group.id === value);
  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5" data-testid="option-group">
      <label htmlFor="wizard-group" className="pt-1.5 text-xs font-medium text-fg">
        Consistency group
      </label>
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-3">
          <Select
            id="wizard-group"
            value={value}
            onValueChange={(next) => update((current) => ({ ...current, group: next === NO_GROUP ? '' : next }))}
            options={options}
            invalid={!known}
            describedBy="wizard-group-hint"
            className="w-72"
          />
          {state.group === NEW_GROUP && (
            <>
              <label htmlFor="wizard-group-name" className="sr-only">
                New group name
              </label>
              <DraftInput
                id="wizard-group-name"
                value={state.groupName}
                placeholder="Group name"
                onValueChange={(text) => update((current) => ({ ...current, groupName: text }))}
                aria-invalid={error !== null || undefined}
                aria-describedby={error !== null ? 'wizard-group-error' : 'wizard-group-hint'}
                spellCheck={false}
                className={`${inputClasses(error !== null)} w-56! font-mono text-xs`}
              />
            </>
          )}
        </div>
        {(error !== null || !known) && (
          <p id="wizard-group-error" className="text-xs text-bad">
            {!known ? 'Consistency group: no such group on this array' : `Group name ${error}`}
          </p>
        )}
        <p id="wizard-group-hint" className="text-xs text-fg-subtle">
          {hints?.hint ?? 'Default: none.'}
        </p>
      </div>
    </div>
  );
}

/** DS6000 with a group: mkflash -freeze, each source held from its T0 until the group is thawed. */
function FreezeChoice({ state, update }: { state: WizardState; update: UrlStateUpdate<WizardState> }) {
  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5" data-testid="option-freeze">
      <label htmlFor="wizard-freeze" className="pt-0.5 text-xs font-medium text-fg">
        Freeze sources until thawed (consistency group)
      </label>
      <div className="flex flex-col gap-1">
        <input
          id="wizard-freeze"
          type="checkbox"
          checked={state.freeze}
          onChange={(event) => update((current) => ({ ...current, freeze: event.target.checked }))}
          aria-describedby="wizard-freeze-hint"
          className="size-3.5 accent-(--accent)"
        />
        <p id="wizard-freeze-hint" className="text-xs text-fg-subtle">
          DS CLI <span className="font-mono">mkflash -freeze</span>: from its point in time each source takes no host writes (extended long busy; reads go on)
          until the group is thawed from the array page, or the freeze times out. Default: off.
        </p>
      </div>
    </div>
  );
}

export function OptionsStep({
  model,
  state,
  update,
  errors,
  nameError,
  defaultName,
  defaultKnown,
  groups,
  groupError,
  failure,
}: {
  model: ArrayModel;
  state: WizardState;
  update: UrlStateUpdate<WizardState>;
  errors: Record<string, string>;
  nameError: string | undefined;
  defaultName: string;
  defaultKnown: boolean;
  groups: ConsistencyGroup[];
  groupError: string | null;
  failure: string[];
}) {
  const defaults = defaultDrafts(model);
  const deferrable = canCreateUnstarted(model);
  return (
    <div className="flex flex-col gap-3">
      <FormAlert messages={failure} />
      <div className="flex flex-col">
        <NameRow
          bulk={state.bulk}
          value={state.copyName}
          onChange={(text) => update((current) => ({ ...current, copyName: text }))}
          error={nameError}
          defaultName={defaultName}
          defaultKnown={defaultKnown}
        />
        {model === 'storwize' && (
          <PresetRow
            drafts={{ ...defaults, ...state.options }}
            onChange={(drafts) => update((current) => ({ ...current, options: { ...current.options, ...drafts } }))}
          />
        )}
        {optionFieldsOf(model).map((option) => (
          <OptionRow
            key={option.name}
            option={option}
            value={state.options[option.name] ?? defaults[option.name] ?? ''}
            defaultValue={defaults[option.name] ?? ''}
            error={errors[option.name]}
            onChange={(value) => update((current) => ({ ...current, options: { ...current.options, [option.name]: value } }))}
          />
        ))}
        {hasGroups(model) && <GroupChoice model={model} state={state} update={update} groups={groups} error={groupError} />}
        {groupsFreeze(model) && state.group !== '' && <FreezeChoice state={state} update={update} />}
        <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 py-2.5" data-testid="option-start">
          <label htmlFor="wizard-start" className="pt-0.5 text-xs font-medium text-fg">
            Start now
          </label>
          <div className="flex flex-col gap-1">
            <input
              id="wizard-start"
              type="checkbox"
              checked={deferrable ? state.start : true}
              disabled={!deferrable}
              onChange={(event) => update((current) => ({ ...current, start: event.target.checked }))}
              aria-describedby="wizard-start-hint"
              className="size-3.5 accent-(--accent)"
            />
            <p id="wizard-start-hint" className="text-xs text-fg-subtle">
              {deferrable
                ? 'Created and started in one request; off creates it idle, to start later from its page. Default: on.'
                : `Always on: ${unstartedRefusal(model) ?? 'this service starts a relationship when it is created'}.`}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
