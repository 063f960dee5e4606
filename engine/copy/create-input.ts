// What a create-copy command carries (the API body, the vendor commands and the preview share it).
import type { CopyType } from './types';

export interface CreateCopyInput {
  type: CopyType;
  sourceVolumeId: string;
  targetVolumeId: string;
  options?: Record<string, unknown>;
  start?: boolean;
  consistencyGroupId?: string | null;
  /** Unique on the array; the model's default (fcmap0, …) when absent. */
  name?: string;
}
