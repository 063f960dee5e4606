// The storage array object graph (GET …/graph) and the hardware inventory: Grainline's controllers,
// pools and volumes, with every other collection the facts modules read present and empty (no hosts,
// mappings, drives, snapshots or host ports are simulated). Each facts module indexes these keys
// directly, so a missing one fails the module: the lists below are what na_santricity_facts and
// netapp_e_facts read.
import type { ArrayView, VolumeView } from '../../services/dto';
import { controllerRef, worldWideName } from './refs';
import { controllerStatusOf, storageVolumeView, volumeGroupView } from './views';
import { FIRMWARE_VERSION, NVSRAM_VERSION } from './versions';

const SEGMENT_SIZES_BYTES = [32768, 65536, 131072, 262144, 524288];
const CACHE_BLOCK_SIZES_BYTES = [4096, 8192, 16384, 32768];

type Controller = ArrayView['controllers'][number];

function controllerView(array: ArrayView, controller: Controller) {
  const ref = controllerRef(controller.slot);
  return {
    controllerRef: ref,
    id: ref,
    serialNumber: `${array.serial}${controller.slot}`,
    status: controllerStatusOf(controller.status),
    active: controller.status === 'online',
    quiesced: false,
    physicalLocation: { slot: controller.slot === 'A' ? 1 : 2, label: controller.slot, locationPosition: controller.slot === 'A' ? 1 : 2 },
    volumeCount: controller.volumeCount,
    netInterfaces: [] as unknown[],
    hostInterfaces: [] as unknown[],
    driveInterfaces: [] as unknown[],
  };
}

function storageArrayView(array: ArrayView) {
  return {
    saData: {
      storageArrayLabel: array.name,
      chassisSerialNumber: array.serial,
      fwVersion: FIRMWARE_VERSION,
      nvsramVersion: NVSRAM_VERSION,
      saId: { worldWideName: worldWideName('array', array.id) },
    },
    featureParameters: { supportedSegSizes: SEGMENT_SIZES_BYTES, cacheBlockSizes: CACHE_BLOCK_SIZES_BYTES },
    hostSpecificVals: [] as unknown[],
    // Disabled: facts would otherwise list the access volume among the volumes.
    accessVolume: { enabled: false, id: '', capacity: '0' },
    capabilities: ['volumeCopy'],
    premiumFeatures: [] as unknown[],
  };
}

export function arrayGraph(array: ArrayView, volumes: VolumeView[]) {
  return {
    sa: storageArrayView(array),
    controller: array.controllers.map((controller) => controllerView(array, controller)),
    volumeGroup: array.pools.map((pool, index) => volumeGroupView(pool, index + 1)),
    volume: volumes.map(storageVolumeView),
    drive: [] as unknown[],
    storagePoolBundle: { host: [] as unknown[], cluster: [] as unknown[], lunMapping: [] as unknown[], target: [] as unknown[] },
    highLevelVolBundle: {
      pit: [] as unknown[],
      thinVolume: [] as unknown[],
      pitConsistencyGroup: [] as unknown[],
      pitGroup: [] as unknown[],
      pitView: [] as unknown[],
    },
  };
}

export function hardwareInventory(array: ArrayView) {
  return {
    controllers: array.controllers.map((controller) => controllerView(array, controller)),
    drives: [] as unknown[],
    trays: [] as unknown[],
    powerSupplies: [] as unknown[],
    fans: [] as unknown[],
    batteries: [] as unknown[],
    ibPorts: [] as unknown[],
    iscsiPorts: [] as unknown[],
    fibrePorts: [] as unknown[],
    sasPorts: [] as unknown[],
  };
}
