// GET /devmgr/utils/about: what the Web Services are, answered without sign-in because the
// na_santricity modules ask it first without credentials. They read `version` (compared with their
// minimum) and `runningAsProxy`: false, so they address arrays directly (ssid = an array's id or name)
// and read key-values from /devmgr/v2/key-values, as on an array's embedded Web Services.
import { createHash } from 'node:crypto';
import type { Runtime } from '../../runtime';
import { VERSION } from '../../version';
import { WEB_SERVICES_VERSION } from './versions';

export interface AboutDocument {
  version: string;
  runningAsProxy: boolean;
  systemId: string;
  controllerPosition: number;
  startTimestamp: string;
  capabilities: string[];
  grainlineVersion: string;
}

/** A UUID-shaped id of this console, the same on every answer. */
function systemIdOf(): string {
  const hex = createHash('sha256').update(`grainline-web-services`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function aboutDocument(runtime: Runtime): AboutDocument {
  return {
    version: WEB_SERVICES_VERSION,
    runningAsProxy: false,
    systemId: systemIdOf(),
    controllerPosition: 1,
    startTimestamp: runtime.startedAt.toISOString(),
    capabilities: ['volumeCopy'],
    grainlineVersion: VERSION,
  };
}
