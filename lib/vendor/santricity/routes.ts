// The /devmgr/v2 paths Grainline answers, and which methods each takes. A path matches a pattern of
// the same length whose literal segments are equal; ":name" segments capture a parameter.
import type { Handler } from './context';
import { filterGraph, getGraph, getHardwareInventory, listKeyValues, listWorkloads } from './facts';
import { controlJob, createJob, deleteJob, getJob, getJobProgress, listJobs, updateJob } from './jobs';
import { getStorageVolume, getSystem, listStoragePools, listStorageVolumes, listSystems } from './systems';

export type RouteMethod = 'GET' | 'POST' | 'DELETE';

interface Route {
  pattern: string[];
  methods: Partial<Record<RouteMethod, Handler>>;
}

function route(pattern: string, methods: Route['methods']): Route {
  return { pattern: pattern.split('/'), methods };
}

const ROUTES: Route[] = [
  route('storage-systems', { GET: listSystems }),
  route('storage-systems/:ssid', { GET: getSystem }),
  route('storage-systems/:ssid/volumes', { GET: listStorageVolumes }),
  route('storage-systems/:ssid/volumes/:volumeId', { GET: getStorageVolume }),
  route('storage-systems/:ssid/storage-pools', { GET: listStoragePools }),
  route('storage-systems/:ssid/volume-copy-jobs', { GET: listJobs, POST: createJob }),
  route('storage-systems/:ssid/volume-copy-jobs/:jobId', { GET: getJob, POST: updateJob, DELETE: deleteJob }),
  route('storage-systems/:ssid/volume-copy-jobs-control/:jobId', { GET: getJobProgress, POST: controlJob }),
  route('storage-systems/:ssid/graph', { GET: getGraph }),
  route('storage-systems/:ssid/graph/xpath-filter', { GET: filterGraph }),
  route('storage-systems/:ssid/hardware-inventory', { GET: getHardwareInventory }),
  route('storage-systems/:ssid/workloads', { GET: listWorkloads }),
  route('key-values', { GET: listKeyValues }),
];

export interface RouteMatch {
  methods: Route['methods'];
  params: Record<string, string>;
}

/** Ids are at most 64 characters in Grainline; a longer segment cannot name anything. */
const SEGMENT_CHARS_MAX = 256;

export function matchRoute(segments: string[]): RouteMatch | null {
  if (segments.some((segment) => segment.length > SEGMENT_CHARS_MAX)) return null;
  for (const candidate of ROUTES) {
    if (candidate.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = candidate.pattern.every((part, index) => {
      const segment = segments[index] as string;
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') || part === segment;
    });
    if (fits) return { methods: candidate.methods, params };
  }
  return null;
}

/** The Allow header of a matched route (HEAD with GET, and OPTIONS, which every route answers). */
export function allowOf(methods: Route['methods']): string {
  const served = Object.keys(methods);
  return [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
}
