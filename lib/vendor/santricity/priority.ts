// Copy priority in the Web Services' words (priority0…priority4) and Grainline's (lowest…highest).
//
// priority0 is the LOWEST and priority4 the HIGHEST. The Web Services name the five levels only by
// number, so the direction comes from how NetApp's own clients use them: OpenStack Cinder's E-Series
// driver creates its clone copies with priority4 in a helper it calls "high priority", and the
// numbers rise with urgency as the five named levels of SANtricity's CLI do (lowest … highest).
// netapp_e_volume_copy's copy_priority (an int, default 0) never reaches the request body, so the
// module itself does not decide it. Medium, Grainline's default, is priority2 either way.
import { z } from 'zod';
import { VOLUME_COPY_PRIORITIES, type VolumeCopyPriority } from '../../../engine/copy/volume-copy';

export const COPY_PRIORITY_WORDS = ['priority0', 'priority1', 'priority2', 'priority3', 'priority4'] as const;
export type CopyPriorityWord = (typeof COPY_PRIORITY_WORDS)[number];
export const CopyPriorityWord = z.enum(COPY_PRIORITY_WORDS);

export function priorityWordOf(priority: VolumeCopyPriority): CopyPriorityWord {
  const index = VOLUME_COPY_PRIORITIES.indexOf(priority);
  return COPY_PRIORITY_WORDS[index] ?? 'priority2';
}

export function priorityOf(word: CopyPriorityWord): VolumeCopyPriority {
  return VOLUME_COPY_PRIORITIES[COPY_PRIORITY_WORDS.indexOf(word)] ?? 'medium';
}
