// What each fault kind is called on screen. What a fault does is the engine's to say (its preview
// before injecting, the fault's `effect` once injected).
import type { FaultKind } from '@/engine/client';

export const FAULT_KIND_LABELS: Record<FaultKind, string> = {
  'volume-io-error': 'Volume I/O error',
  'metadata-loss': 'FlashCopy metadata loss',
  'controller-failure': 'Controller failure',
};
