// Which volumes may be the target of a new copy from a source, and why the others may not: the
// engine's own rule, the one createCopy enforces, so the wizard's list and the API's 422 agree.
import type { CopyType, EligibilityEntry } from '../../engine';
import type { Runtime } from '../runtime';

export function copyEligibility(runtime: Runtime, type: CopyType, sourceVolumeId: string): EligibilityEntry[] {
  return runtime.engine.eligibility(type, sourceVolumeId);
}
