// FlashCopy mapping commands: mkfcmap, chfcmap, rmfcmap, prestartfcmap, startfcmap, stopfcmap.
import { actOnCopy, createCopy, deleteCopy, patchCopy, setCopyGroup } from '../../../services/copies';
import { STORWIZE_COPY_RATE_MAX } from '../../../../engine/copy/flashcopy-storwize';
import { invalidArgument, missingParameter, notPrepared, sizesDiffer, wrongState } from '../errors';
import { flagOption, integerOption, requireObject, requiredOption, stringOption } from '../invocation';
import { requireGroup, requireMapping, requireVolume } from '../system';
import type { SvcCommand } from './context';

/** States with no processing to stop: stopfcmap leaves them as they are. */
export const AT_REST: readonly string[] = ['idle_or_copied', 'stopped', 'stopping'];

export function onOff(value: string | undefined, option: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'yes') return true;
  if (value === 'off' || value === 'no') return false;
  throw invalidArgument(`-${option} takes on or off, got "${value}"`);
}

const mkfcmap: SvcCommand = {
  kind: 'task',
  options: {
    source: 'value',
    target: 'value',
    name: 'value',
    consistgrp: 'value',
    copyrate: 'value',
    cleanrate: 'value',
    grainsize: 'value',
    incremental: 'flag',
    autodelete: 'flag',
    keeptarget: 'flag',
    iogrp: 'value',
  },
  run: async ({ system, actor, invocation }) => {
    const source = requireVolume(system, requiredOption(invocation, 'source'));
    const target = requireVolume(system, requiredOption(invocation, 'target'));
    if (source.capacityBytes !== target.capacityBytes)
      throw sizesDiffer(`${source.name} is ${source.capacityBytes} bytes, ${target.name} is ${target.capacityBytes}`);
    const grainSize = integerOption(invocation, 'grainsize', 64, 256);
    if (grainSize !== undefined && grainSize !== 64 && grainSize !== 256) throw invalidArgument('-grainsize must be 64 or 256');
    const groupReference = stringOption(invocation, 'consistgrp');
    const group = groupReference === undefined || groupReference === '0' ? undefined : requireGroup(system, groupReference);
    const options: Record<string, unknown> = {
      copyRate: integerOption(invocation, 'copyrate', 0, STORWIZE_COPY_RATE_MAX) ?? 50,
      cleanRate: integerOption(invocation, 'cleanrate', 0, STORWIZE_COPY_RATE_MAX) ?? 50,
      incremental: flagOption(invocation, 'incremental'),
      autoDelete: flagOption(invocation, 'autodelete'),
      ...(grainSize === undefined ? {} : { grainSize }),
    };
    const name = stringOption(invocation, 'name');
    const mapping = await createCopy(
      system.runtime,
      {
        type: 'flashcopy',
        sourceVolumeId: source.id,
        targetVolumeId: target.id,
        options,
        start: false,
        ...(group ? { consistencyGroupId: group.id } : {}),
        ...(name === undefined ? {} : { name }),
      },
      actor,
    );
    return { kind: 'created', id: String(mapping.number), message: `FlashCopy Mapping, id [${mapping.number}], successfully created` };
  },
};

const chfcmap: SvcCommand = {
  kind: 'task',
  options: { name: 'value', copyrate: 'value', cleanrate: 'value', autodelete: 'value', consistgrp: 'value' },
  run: async ({ system, actor, invocation }) => {
    const mapping = requireMapping(system, requireObject(invocation));
    const options: Record<string, unknown> = {};
    const copyRate = integerOption(invocation, 'copyrate', 0, STORWIZE_COPY_RATE_MAX);
    const cleanRate = integerOption(invocation, 'cleanrate', 0, STORWIZE_COPY_RATE_MAX);
    const autoDelete = onOff(stringOption(invocation, 'autodelete'), 'autodelete');
    if (copyRate !== undefined) options.copyRate = copyRate;
    if (cleanRate !== undefined) options.cleanRate = cleanRate;
    if (autoDelete !== undefined) options.autoDelete = autoDelete;
    const name = stringOption(invocation, 'name');
    const groupReference = stringOption(invocation, 'consistgrp');
    if (Object.keys(options).length === 0 && name === undefined && groupReference === undefined) throw missingParameter('chfcmap needs a property to change');
    // The group move first: it is the change most likely to be refused (the mapping's state).
    if (groupReference !== undefined) {
      const group = groupReference === '0' ? null : requireGroup(system, groupReference);
      await setCopyGroup(system.runtime, mapping.id, group?.id ?? null, actor);
    }
    if (Object.keys(options).length > 0 || name !== undefined) {
      await patchCopy(system.runtime, mapping.id, { ...(Object.keys(options).length > 0 ? { options } : {}), ...(name === undefined ? {} : { name }) }, actor);
    }
    return { kind: 'done' };
  },
};

const rmfcmap: SvcCommand = {
  kind: 'task',
  options: { force: 'flag' },
  run: async ({ system, actor, invocation }) => {
    const mapping = requireMapping(system, requireObject(invocation));
    const force = flagOption(invocation, 'force');
    // A stopped mapping's target is offline; deleting it brings the target back, which SVC wants said with -force.
    if (mapping.state === 'stopped' && !force)
      throw wrongState(`mapping ${mapping.name} is stopped: delete it with -force (its target comes back online with what it holds)`);
    await deleteCopy(system.runtime, mapping.id, actor, { force });
    return { kind: 'done' };
  },
};

const prestartfcmap: SvcCommand = {
  kind: 'task',
  options: { restore: 'flag' },
  run: async ({ system, actor, invocation }) => {
    const mapping = requireMapping(system, requireObject(invocation));
    await actOnCopy(system.runtime, mapping.id, 'prepare', undefined, actor);
    return { kind: 'done' };
  },
};

const startfcmap: SvcCommand = {
  kind: 'task',
  options: { prep: 'flag', restore: 'flag', force: 'flag' },
  run: async ({ system, actor, invocation }) => {
    const mapping = requireMapping(system, requireObject(invocation));
    // Without -prep only a prepared mapping starts; with it, Grainline's start prepares first.
    if (!flagOption(invocation, 'prep') && mapping.state !== 'prepared') throw notPrepared(`mapping ${mapping.name} is ${mapping.state}`);
    await actOnCopy(system.runtime, mapping.id, 'start', undefined, actor);
    return { kind: 'done' };
  },
};

const stopfcmap: SvcCommand = {
  kind: 'task',
  options: { force: 'flag', split: 'flag' },
  run: async ({ system, actor, invocation }) => {
    const mapping = requireMapping(system, requireObject(invocation));
    // Stopping a mapping that is not processing changes nothing (an idle_or_copied one stays so).
    if (AT_REST.includes(mapping.state)) return { kind: 'done' };
    await actOnCopy(system.runtime, mapping.id, 'stop', undefined, actor);
    return { kind: 'done' };
  },
};

export const MAPPING_COMMANDS: Record<string, SvcCommand> = { mkfcmap, chfcmap, rmfcmap, prestartfcmap, startfcmap, stopfcmap };
