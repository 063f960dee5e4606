// Request bodies and queries of the volume-copy routes (VolumeCopyCreateRequest and
// VolumeCopyUpdateRequest of the Web Services). Fields the real API has but Grainline cannot act on
// are accepted and checked below (onlineCopy) or ignored (repositoryCandidate: an offline copy
// needs no repository). Booleans may come as "true"/"false", as some NetApp clients send them.
import { z } from 'zod';
import { CopyPriorityWord } from './priority';

const Ref = z.string().min(1).max(128);
const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const CreateVolumeCopyBody = z.object({
  sourceId: Ref,
  targetId: Ref,
  copyPriority: CopyPriorityWord.optional(),
  targetWriteProtected: Flag.optional(),
  onlineCopy: Flag.optional(),
  repositoryCandidate: z.unknown().optional(),
});

export const UpdateVolumeCopyBody = z.object({
  copyPriority: CopyPriorityWord.optional(),
  targetWriteProtected: Flag.optional(),
});

export const ControlAction = z.enum(['start', 'stop']);
export type ControlAction = z.infer<typeof ControlAction>;
