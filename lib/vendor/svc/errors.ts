// SVC's errors: a CMMVCnnnnE code and its sentence, which the CLI prints and the REST API returns
// with HTTP 500 (the Ansible modules read "500" on an ls command as "no such object").
import { ENGINE_ERROR_STATUS, isEngineError } from '../../../engine/errors';
import { ApiError } from '../../http/api-error';

export class SvcError extends Error {
  readonly code: string;
  /** HTTP status over REST: 500 for every CLI failure, as the array answers. */
  readonly status: number;

  constructor(code: string, sentence: string, detail?: string, status = 500) {
    super(`${code} ${sentence}${detail === undefined ? '' : ` (${detail})`}`);
    this.name = 'SvcError';
    this.code = code;
    this.status = status;
  }
}

export const notFound = (detail: string) => new SvcError('CMMVC5753E', 'The specified object does not exist or is not a suitable candidate.', detail);
export const missingParameter = (detail: string) => new SvcError('CMMVC5707E', 'Required parameters are missing.', detail);
export const unsupportedParameter = (name: string) => new SvcError('CMMVC5709E', `[-${name}] is not a supported parameter.`);
export const invalidArgument = (detail: string) =>
  new SvcError(
    'CMMVC6070E',
    'An invalid or duplicated parameter, unaccompanied argument, or incorrect argument sequence has been detected. Ensure that the input is as per the help.',
    detail,
  );
export const invalidName = (detail: string) =>
  new SvcError(
    'CMMVC6527E',
    'The name that you have entered is not valid. The name can contain letters, numbers, periods, dashes, and underscores, and must begin with a letter or an underscore.',
    detail,
  );
export const alreadyExists = (detail: string) => new SvcError('CMMVC6035E', 'The action failed as the object already exists.', detail);
export const wrongState = (detail: string) =>
  new SvcError('CMMVC5903E', 'The FlashCopy mapping or consistency group was not changed because it is in a state that does not allow the action.', detail);
export const notPrepared = (detail: string) =>
  new SvcError('CMMVC5904E', 'The FlashCopy mapping or consistency group was not started because it is not in the prepared state.', detail);
export const sizesDiffer = (detail: string) =>
  new SvcError('CMMVC5920E', 'The FlashCopy mapping was not created because the source and target virtual disks (VDisks) are different sizes.', detail);
export const inUse = (detail: string) =>
  new SvcError('CMMVC5840E', 'The virtual disk (VDisk) was not deleted because it is part of a FlashCopy mapping.', detail);
export const roleRefused = (role: string) =>
  new SvcError(
    'CMMVC6253E',
    "The task has failed because the user's role is not authorized to submit the command.",
    `Grainline role ${role}: monitors may run only ls commands`,
    403,
  );

/** A bounded queue of the engine is full: retry shortly. */
export const busy = (detail: string) => new SvcError('CMMVC5786E', 'The action failed because the cluster is not in a stable state.', detail, 503);

/** Grainline's refusals (services, engine) in the closest SVC words, keeping Grainline's reason. */
export function svcErrorOf(error: unknown): SvcError | null {
  if (error instanceof SvcError) return error;
  let status: number;
  let message: string;
  let reasons: string[] = [];
  if (error instanceof ApiError) {
    status = error.status;
    message = error.message;
    if (Array.isArray(error.details)) reasons = error.details.filter((d): d is string => typeof d === 'string');
  } else if (isEngineError(error)) {
    status = ENGINE_ERROR_STATUS[error.kind];
    message = error.message;
    reasons = error.reasons;
  } else {
    return null;
  }
  const text = [message, ...reasons].join('; ');
  if (status === 404) return notFound(message);
  if (status === 503) return busy(message);
  if (status === 400) return /name/i.test(text) ? invalidName(message) : invalidArgument(message);
  if (/already exists/i.test(text)) return alreadyExists(message);
  if (/size|capacity/i.test(text) && status === 422) return sizesDiffer(message);
  // A volume held by a relationship (not a mapping's own state) is SVC's "in a FlashCopy mapping".
  if (status === 409 && /^volume .* cannot be deleted while it is in/i.test(message)) return inUse(message);
  return wrongState(message);
}
