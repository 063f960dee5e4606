// Grainline's arrays, pools, volumes and volume copies in the Web Services' field names and types:
// byte counts as decimal strings, object references as ids, flags as JSON booleans (the modules
// test `is False`), states in SANtricity's words.
import type { VolumeCopyOptions } from '../../../engine/copy/options';
import type { ControllerSlot, VolumeStatus } from '../../../engine/model';
import type { CopyDto } from '../../services/copies';
import type { ArrayView, VolumeView } from '../../services/dto';
import { priorityWordOf, type CopyPriorityWord } from './priority';
import { controllerRef, NULL_REF, worldWideName } from './refs';
import { APP_VERSION, BOOT_VERSION, FIRMWARE_VERSION, NVSRAM_VERSION } from './versions';

type Pool = ArrayView['pools'][number];

const VOLUME_STATUS: Record<VolumeStatus, string> = { online: 'optimal', offline: 'offline', failed: 'failed' };

/** Grainline's volume-copy states → the VolumeCopyPair status words. */
const COPY_STATUS: Record<string, string> = {
  pending: 'pending',
  'in-progress': 'inProgress',
  completed: 'complete',
  stopped: 'halted',
  failed: 'failed',
};

export function arrayStatusOf(array: ArrayView): string {
  return array.controllers.every((c) => c.status === 'online') ? 'optimal' : 'needsAttn';
}

export function controllerStatusOf(status: string): string {
  return status === 'online' ? 'optimal' : 'failed';
}

export function storageSystemView(array: ArrayView) {
  const freeBytes = array.capacityBytes - array.usedBytes;
  return {
    id: array.id,
    name: array.name,
    wwn: worldWideName('array', array.id),
    model: array.model,
    status: arrayStatusOf(array),
    passwordStatus: 'valid',
    passwordSet: true,
    chassisSerialNumber: array.serial,
    fwVersion: FIRMWARE_VERSION,
    appVersion: APP_VERSION,
    bootVersion: BOOT_VERSION,
    nvsramVersion: NVSRAM_VERSION,
    ip1: '',
    ip2: '',
    managementPaths: [] as string[],
    controllers: array.controllers.map((c) => ({ controllerId: controllerRef(c.slot), ipAddresses: [] as string[] })),
    driveCount: 0,
    trayCount: 1,
    hotSpareCount: 0,
    usedPoolSpace: array.usedBytes.toString(),
    freePoolSpace: freeBytes.toString(),
    unconfiguredSpace: '0',
    usedPoolSpaceAsString: array.usedBytes.toString(),
    freePoolSpaceAsString: freeBytes.toString(),
    unconfiguredSpaceAsStrings: '0',
    volumeCount: array.volumeCount,
    asupEnabled: false,
    remoteMirroringEnabled: false,
    simplexModeEnabled: false,
    autoLoadBalancingEnabled: false,
    metaTags: [] as string[],
  };
}

/** A pool as the graph's volumeGroup entry: a RAID volume group holding the array's volumes. */
export function volumeGroupView(pool: Pool, sequenceNumber: number) {
  const freeBytes = pool.capacityBytes - pool.usedBytes;
  return {
    id: pool.id,
    volumeGroupRef: pool.id,
    name: pool.name,
    label: pool.name,
    sequenceNum: sequenceNumber,
    worldWideName: worldWideName('pool', pool.id),
    raidLevel: 'raid6',
    raidStatus: 'optimal',
    state: 'complete',
    offline: false,
    diskPool: false,
    usage: 'standard',
    freeSpace: freeBytes.toString(),
    largestFreeExtentSize: freeBytes.toString(),
    totalRaidedSpace: pool.capacityBytes.toString(),
    usedSpace: pool.usedBytes.toString(),
    driveMediaType: 'hdd',
    drivePhysicalType: 'sas',
    securityType: 'none',
  };
}

export type StorageVolume = ReturnType<typeof storageVolumeView>;

export function storageVolumeView(volume: VolumeView) {
  const wwn = worldWideName('volume', volume.id);
  const capacity = volume.capacityBytes.toString();
  return {
    id: volume.id,
    volumeRef: volume.id,
    name: volume.name,
    label: volume.name,
    volumeHandle: volume.number,
    wwn,
    worldWideName: wwn,
    extendedUniqueIdentifier: '',
    capacity,
    totalSizeInBytes: capacity,
    blkSize: 512,
    segmentSize: 131072,
    raidLevel: 'raid6',
    status: VOLUME_STATUS[volume.status],
    offline: volume.status === 'offline',
    action: 'none',
    volumeGroupRef: volume.poolId,
    diskPool: false,
    currentManager: controllerRef(volume.currentOwner),
    preferredManager: controllerRef(volume.preferredOwner),
    currentControllerId: controllerRef(volume.currentOwner),
    preferredControllerId: controllerRef(volume.preferredOwner),
    volumeCopySource: volume.roles.includes('source'),
    volumeCopyTarget: volume.roles.includes('target'),
    onlineVolumeCopy: false,
    perms: { readable: volume.status === 'online', writable: volume.status === 'online' && !volume.readOnly },
    thinProvisioned: false,
    mapped: false,
    listOfMappings: [] as unknown[],
    metadata: [] as { key: string; value: string }[],
    objectType: 'volume',
    volumeUse: 'standardVolume',
    pitBaseVolume: false,
    asyncMirrorSource: false,
    asyncMirrorTarget: false,
    remoteMirrorSource: false,
    remoteMirrorTarget: false,
    dataAssurance: false,
    flashCached: false,
  };
}

export interface CopyTimes {
  /** Epoch seconds as a decimal string, "0" when the copy never started / has not completed. */
  startSeconds: string;
  completeSeconds: string;
}

export interface VolumeCopyPair {
  id: string;
  volcopyRef: string;
  worldWideName: string;
  volcopyHandle: number;
  status: string;
  sourceVolume: string;
  targetVolume: string;
  currentManager: string;
  idleTargetWriteProt: boolean;
  copyCompleteTime: string;
  copyStartTime: string;
  copyPriority: CopyPriorityWord;
  reserved1: string;
  cloneCopy: boolean;
  pgRef: string;
  baseSourceVolumeId: string;
  onlineCopy: boolean;
}

/** `sourceOwner`: the controller owning the source now, which runs the copy. */
export function volumeCopyPairView(copy: CopyDto, sourceOwner: ControllerSlot, times: CopyTimes): VolumeCopyPair {
  const options = copy.options as VolumeCopyOptions;
  return {
    id: copy.id,
    volcopyRef: copy.id,
    worldWideName: worldWideName('copy', copy.id),
    volcopyHandle: copy.number,
    status: COPY_STATUS[copy.state] ?? copy.state,
    sourceVolume: copy.sourceVolumeId,
    targetVolume: copy.targetVolumeId,
    currentManager: controllerRef(sourceOwner),
    idleTargetWriteProt: options.targetReadOnly,
    copyCompleteTime: times.completeSeconds,
    copyStartTime: times.startSeconds,
    copyPriority: priorityWordOf(options.priority),
    reserved1: '',
    // An offline full copy: no snapshot group behind it, so the base source is the source itself.
    cloneCopy: false,
    pgRef: NULL_REF,
    baseSourceVolumeId: copy.sourceVolumeId,
    onlineCopy: false,
  };
}

export interface VolumeCopyProgress {
  volumeCopyId: string;
  /** Whole percent while the copy is queued or running; -1 otherwise (how clients tell "not running"). */
  percentComplete: number;
  /** Estimated minutes left; 0 when not running or not known. */
  timeToCompletion: number;
}

const RUNNING_STATES = new Set(['pending', 'in-progress']);

export function volumeCopyProgressView(copy: CopyDto): VolumeCopyProgress {
  const running = RUNNING_STATES.has(copy.state);
  const etaSeconds = copy.progress.etaSeconds;
  return {
    volumeCopyId: copy.id,
    percentComplete: running ? Math.floor(copy.progress.percent) : -1,
    timeToCompletion: running && etaSeconds !== null ? Math.ceil(etaSeconds / 60) : 0,
  };
}
