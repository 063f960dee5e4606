// FlashCopy consistency group commands: mkfcconsistgrp, chfcconsistgrp, rmfcconsistgrp and the
// group's prestart/start/stop, which act on every member at one point in time.
import { actOnGroup, createGroup, deleteGroup, updateGroup } from '../../../services/consistency-groups';
import { invalidName, missingParameter, notFound, notPrepared } from '../errors';
import { GroupName } from '../../../api/copy-schemas';
import { checked } from '../checked';
import { flagOption, requireObject, stringOption } from '../invocation';
import { requireGroup } from '../system';
import type { CommandContext, SvcCommand } from './context';
import { AT_REST, onOff } from './mappings';

function groupAction(action: 'prepare' | 'start' | 'stop', needsPrepared: boolean): SvcCommand['run'] {
  return async ({ system, actor, invocation }: CommandContext) => {
    const group = requireGroup(system, requireObject(invocation));
    if (needsPrepared && !flagOption(invocation, 'prep') && group.state !== 'prepared')
      throw notPrepared(`consistency group ${group.name} is ${group.memberIds.length === 0 ? 'empty' : group.state}`);
    // As stopfcmap: a group whose mappings are all at rest has nothing to stop.
    if (action === 'stop' && system.mappings.filter((m) => m.consistencyGroupId === group.id).every((m) => AT_REST.includes(m.state))) return { kind: 'done' };
    await actOnGroup(system.runtime, group.id, action, undefined, actor);
    return { kind: 'done' };
  };
}

export const GROUP_COMMANDS: Record<string, SvcCommand> = {
  mkfcconsistgrp: {
    kind: 'task',
    options: { name: 'value', autodelete: 'flag', ownershipgroup: 'value' },
    run: async ({ system, actor, invocation }) => {
      const ownership = stringOption(invocation, 'ownershipgroup');
      if (ownership !== undefined) throw notFound(`ownership group "${ownership}": the simulated arrays have no ownership groups`);
      const name = stringOption(invocation, 'name');
      const group = await createGroup(
        system.runtime,
        {
          arrayId: system.array.id,
          name: name === undefined ? undefined : checked(GroupName, name, invalidName),
          autoDelete: flagOption(invocation, 'autodelete'),
        },
        actor,
      );
      return { kind: 'created', id: String(group.number), message: `FlashCopy Consistency Group, id [${group.number}], successfully created` };
    },
  },
  chfcconsistgrp: {
    kind: 'task',
    options: { name: 'value', autodelete: 'value', ownershipgroup: 'value', noownershipgroup: 'flag' },
    run: async ({ system, actor, invocation }) => {
      const group = requireGroup(system, requireObject(invocation));
      const ownership = stringOption(invocation, 'ownershipgroup');
      if (ownership !== undefined) throw notFound(`ownership group "${ownership}": the simulated arrays have no ownership groups`);
      const name = stringOption(invocation, 'name');
      // -noownershipgroup on a group that has none (none ever has one here) changes nothing.
      if (name === undefined && invocation.options.autodelete === undefined && !flagOption(invocation, 'noownershipgroup'))
        throw missingParameter('chfcconsistgrp needs a property to change: -name or -autodelete');
      const autoDelete = onOff(stringOption(invocation, 'autodelete'), 'autodelete');
      if (name !== undefined || autoDelete !== undefined)
        await updateGroup(system.runtime, group.id, { name: name === undefined ? undefined : checked(GroupName, name, invalidName), autoDelete }, actor);
      return { kind: 'done' };
    },
  },
  rmfcconsistgrp: {
    kind: 'task',
    options: { force: 'flag' },
    run: async ({ system, actor, invocation }) => {
      const group = requireGroup(system, requireObject(invocation));
      await deleteGroup(system.runtime, group.id, flagOption(invocation, 'force'), actor);
      return { kind: 'done' };
    },
  },
  prestartfcconsistgrp: { kind: 'task', options: { restore: 'flag' }, run: groupAction('prepare', false) },
  startfcconsistgrp: { kind: 'task', options: { prep: 'flag', restore: 'flag' }, run: groupAction('start', true) },
  stopfcconsistgrp: { kind: 'task', options: { force: 'flag', split: 'flag' }, run: groupAction('stop', false) },
};
