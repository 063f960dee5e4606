// What a create-copy command carries (the API body, the vendor commands and the preview share it).
import type { CopyType } from './types';

export interface CreateCopyInput {
  type: CopyType;
  sourceVolumeId: string;
  targetVolumeId: string;
  options?: Record<string, unknown>;
  start?: boolean;
  consistencyGroupId?: string | null;
  /** DS6000: freeze the source for the consistency group from T0 until the group is thawed (mkflash -freeze). */
  freeze?: boolean;
  /** Unique on the array; the model's default (fcmap0, …) when absent. */
  name?: string;
}
