// A volume's name as the console checks it before a rename: the API's own schema (VolumeName in
// lib/api/fleet-schemas.ts), so the field says what the server would answer. Unlike a copy's name,
// a volume's may start with a digit and hold ":" (the create form has always allowed both).
import { MAX_VOLUME_NAME_LENGTH, VolumeName } from '@/lib/api/fleet-schemas';

export const VOLUME_NAME_HINT = `Letters, digits, _ . : and -, starting with a letter or digit; at most ${MAX_VOLUME_NAME_LENGTH} characters. Unique on the array.`;

/** The schema's problem with `name`, to follow the field's label ("must be at most …"), or null. */
export function volumeNameProblem(name: string): string | null {
  const parsed = VolumeName.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not valid');
}
