// Fleet-wide figures, computed from GET /api/arrays alone so the dashboard shows nothing the
// inventory does not hold.
import { ARRAY_MODELS, type ArrayModel } from '@/engine/client';
import { toBigBytes, type StorageArray } from '@/lib/client/types';

export interface ModelSummary {
  model: ArrayModel;
  arrayCount: number;
  controllersOnline: number;
  controllerCount: number;
  volumeCount: number;
  usedBytes: bigint;
  capacityBytes: bigint;
}

export interface FleetSummary {
  arrayCount: number;
  controllersOnline: number;
  controllersOffline: number;
  volumeCount: number;
  poolCount: number;
  usedBytes: bigint;
  capacityBytes: bigint;
  byModel: ModelSummary[];
}

function summarizeModel(model: ArrayModel, arrays: StorageArray[]): ModelSummary {
  const ofModel = arrays.filter((array) => array.model === model);
  const controllers = ofModel.flatMap((array) => array.controllers);
  return {
    model,
    arrayCount: ofModel.length,
    controllersOnline: controllers.filter((c) => c.status === 'online').length,
    controllerCount: controllers.length,
    volumeCount: ofModel.reduce((sum, array) => sum + array.volumeCount, 0),
    usedBytes: ofModel.reduce((sum, array) => sum + toBigBytes(array.usedBytes), 0n),
    capacityBytes: ofModel.reduce((sum, array) => sum + toBigBytes(array.capacityBytes), 0n),
  };
}

export function summarizeFleet(arrays: StorageArray[]): FleetSummary {
  const byModel = ARRAY_MODELS.map((model) => summarizeModel(model, arrays));
  const controllers = arrays.flatMap((array) => array.controllers);
  const online = controllers.filter((c) => c.status === 'online').length;
  return {
    arrayCount: arrays.length,
    controllersOnline: online,
    controllersOffline: controllers.length - online,
    volumeCount: byModel.reduce((sum, m) => sum + m.volumeCount, 0),
    poolCount: arrays.reduce((sum, array) => sum + array.pools.length, 0),
    usedBytes: byModel.reduce((sum, m) => sum + m.usedBytes, 0n),
    capacityBytes: byModel.reduce((sum, m) => sum + m.capacityBytes, 0n),
    byModel,
  };
}
