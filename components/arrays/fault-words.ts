// The console's words for faults: kind labels and what injecting one does on each model
// (engine/faults/fault.ts and the state tables decide; these lines explain it).
import type { ArrayModel } from '@/engine/model';
import type { Fault } from '@/lib/client/types';

export const FAULT_KIND_LABELS: Record<Fault['kind'], string> = {
  'volume-io-error': 'Volume I/O error',
  'metadata-loss': 'FlashCopy metadata loss',
  'controller-failure': 'Controller failure',
};

const IO_ERROR_COPY_STATE: Record<ArrayModel, string> = {
  santricity: 'a volume copy holding it fails (recopy once cleared)',
  xp7: 'a pair holding it goes to PSUE (resync once cleared)',
  storwize: 'a mapping holding it stops and its target data is lost (start again once cleared)',
  ds6000: 'a FlashCopy relationship holding it ends (establish again once cleared)',
};

export function injectHint(kind: Fault['kind'], model: ArrayModel): string {
  if (kind === 'volume-io-error') return `Hosts' reads and writes to the volume fail; ${IO_ERROR_COPY_STATE[model]}.`;
  if (kind === 'metadata-loss') return 'The mapping is suspended and both its volumes go offline; clearing the fault returns it to copying or stopping where it was.';
  return 'The other controller takes over its volumes.';
}
