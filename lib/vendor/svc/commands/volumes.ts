// mkvdisk, mkvolume, chvdisk, rmvdisk, rmvolume: volumes through Grainline's volume services.
import { createVolume, deleteVolume, growVolume, renameVolume } from '../../../services/volumes';
import { invalidArgument, invalidName, missingParameter, notFound } from '../errors';
import { VolumeCapacityInput, VolumeName } from '../../../api/fleet-schemas';
import { checked } from '../checked';
import { flagOption, requireObject, stringOption, type Invocation } from '../invocation';
import type { Provisioning } from '../../../api/fleet-schemas';
import { smallestFreeNumber } from '../../../../engine/copy/names';
import type { SvcSystem } from '../system';
import { requirePool, requireVolume } from '../system';
import { bytesOf } from '../units';
import type { CommandContext, SvcCommand } from './context';

const SECTOR_BYTES = 512n;

function sizeOf(invocation: Invocation): bigint {
  const size = stringOption(invocation, 'size');
  if (size === undefined) throw missingParameter('-size is required');
  const unit = stringOption(invocation, 'unit') ?? 'mb';
  const bytes = bytesOf(size, unit);
  if (bytes === null) throw invalidArgument(`-size ${size} -unit ${unit} is not a size`);
  if (bytes <= 0n) throw invalidArgument('-size must be more than 0');
  // SVC rounds a size up to whole 512-byte blocks.
  return ((bytes + SECTOR_BYTES - 1n) / SECTOR_BYTES) * SECTOR_BYTES;
}

/** Only io_grp0 has nodes on a simulated storwize; it is the default. */
function checkIoGroup(invocation: Invocation): void {
  const iogrp = stringOption(invocation, 'iogrp');
  if (iogrp === undefined) return;
  if (!iogrp.split(':').every((group) => group === '0' || group === 'io_grp0')) throw notFound(`I/O group "${iogrp}": only io_grp0 has nodes on this system`);
}

function defaultVolumeName(system: SvcSystem): string {
  const taken = new Set(system.volumes.map((v) => v.name.toLowerCase()));
  let number = smallestFreeNumber(new Set(system.volumes.map((v) => v.number)));
  while (taken.has(`vdisk${number}`)) number += 1;
  return `vdisk${number}`;
}

/** mkvdisk is thin with -rsize; mkvolume with -thin; either is compressed with -compressed. */
function provisioningOf(invocation: Invocation, poolOption: 'mdiskgrp' | 'pool'): Provisioning {
  const compressed = flagOption(invocation, 'compressed');
  const deduplicated = flagOption(invocation, 'deduplicated');
  const thin = poolOption === 'mdiskgrp' ? stringOption(invocation, 'rsize') !== undefined : flagOption(invocation, 'thin');
  if (compressed && deduplicated) return 'compressed-deduplicated';
  if (deduplicated) return 'deduplicated';
  if (compressed) return 'compressed';
  return thin ? 'thin' : 'thick';
}

function creator(poolOption: 'mdiskgrp' | 'pool', noun: string): SvcCommand['run'] {
  return async ({ system, actor, invocation }: CommandContext) => {
    const poolReference = stringOption(invocation, poolOption);
    if (poolReference === undefined) throw missingParameter(`-${poolOption} is required`);
    const pool = requirePool(system, poolReference);
    checkIoGroup(invocation);
    const capacityBytes = sizeOf(invocation);
    const { runtime } = system;
    const name = checked(VolumeName, stringOption(invocation, 'name') ?? defaultVolumeName(system), invalidName);
    const volume = await createVolume(
      runtime,
      {
        arrayId: system.array.id,
        poolId: pool.id,
        name,
        capacityBytes: checked(VolumeCapacityInput, capacityBytes.toString(), invalidArgument),
        provisioning: provisioningOf(invocation, poolOption),
      },
      actor,
    );
    return { kind: 'created', id: String(volume.number), message: `${noun}, id [${volume.number}], successfully created` };
  };
}

const deleter: SvcCommand['run'] = async ({ system, actor, invocation }) => {
  const volume = requireVolume(system, requireObject(invocation));
  await deleteVolume(system.runtime, volume.id, actor);
  return { kind: 'done' };
};

const CREATE_OPTIONS = { name: 'value', size: 'value', unit: 'value', iogrp: 'value', cache: 'value', udid: 'value', nofmtdisk: 'flag' } as const;

export const VOLUME_COMMANDS: Record<string, SvcCommand> = {
  // Thin and compressed volumes are kept sparse like every volume; lsvdisk reports them as SVC does.
  mkvdisk: {
    kind: 'task',
    options: {
      ...CREATE_OPTIONS,
      mdiskgrp: 'value',
      vtype: 'value',
      rsize: 'value',
      autoexpand: 'flag',
      grainsize: 'value',
      warning: 'value',
      easytier: 'value',
      compressed: 'flag',
    },
    run: creator('mdiskgrp', 'Virtual Disk'),
  },
  mkvolume: {
    kind: 'task',
    options: { ...CREATE_OPTIONS, pool: 'value', thin: 'flag', compressed: 'flag', deduplicated: 'flag', buffersize: 'value', warning: 'value' },
    run: creator('pool', 'Volume'),
  },
  chvdisk: {
    kind: 'task',
    options: { name: 'value' },
    run: async ({ system, actor, invocation }) => {
      const volume = requireVolume(system, requireObject(invocation));
      const name = stringOption(invocation, 'name');
      if (name === undefined) throw missingParameter('chvdisk needs a property to change: -name');
      await renameVolume(system.runtime, volume.id, checked(VolumeName, name, invalidName), actor);
      return { kind: 'done' };
    },
  },
  rmvdisk: { kind: 'task', options: { force: 'flag' }, run: deleter },
  // -size is what to add, in -unit (default mb).
  expandvdisksize: {
    kind: 'task',
    options: { size: 'value', unit: 'value', copy: 'value' },
    run: async ({ system, actor, invocation }) => {
      const volume = requireVolume(system, requireObject(invocation));
      const growthBytes = sizeOf(invocation);
      await growVolume(system.runtime, volume.id, checked(VolumeCapacityInput, (volume.capacityBytes + growthBytes).toString(), invalidArgument), actor);
      return { kind: 'done' };
    },
  },
  rmvolume: { kind: 'task', options: { removehostmappings: 'flag' }, run: deleter },
};
