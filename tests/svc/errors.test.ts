// Grainline's refusals in SVC's words (lib/vendor/svc/errors.ts svcErrorOf): a CMMVC code and
// sentence, HTTP 500 over REST (the Ansible modules read 500 on ls as "no such object"), Grainline's
// own reason kept in the message.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../engine/errors';
import { ApiError } from '../../lib/http/api-error';
import { notFound, roleRefused, SvcError, svcErrorOf } from '../../lib/vendor/svc/errors';

function mapped(error: unknown): SvcError {
  const result = svcErrorOf(error);
  if (result === null) throw new Error('expected an SvcError');
  return result;
}

describe('svcErrorOf', () => {
  it('passes an SvcError through unchanged', () => {
    const error = notFound('no vdisk "x"');
    expect(svcErrorOf(error)).toBe(error);
    expect(error.message).toBe('CMMVC5753E The specified object does not exist or is not a suitable candidate. (no vdisk "x")');
    expect(error.status).toBe(500);
  });

  it('answers null for what is neither an SvcError, an ApiError nor an engine error (a bug: logged, then CMMVC5786E)', () => {
    expect(svcErrorOf(new Error('boom'))).toBeNull();
    expect(svcErrorOf('text')).toBeNull();
    expect(svcErrorOf(undefined)).toBeNull();
  });

  it('maps "does not exist" (404) to CMMVC5753E, keeping the reason', () => {
    const error = mapped(new ApiError(404, 'consistency group "g" does not exist'));
    expect(error.code).toBe('CMMVC5753E');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/^CMMVC5753E .*\(consistency group "g" does not exist\)$/);
    expect(mapped(new EngineError('not-found', 'no volume v')).code).toBe('CMMVC5753E');
  });

  it('maps a malformed request (400) to CMMVC6527E when it is about a name, else CMMVC6070E', () => {
    expect(mapped(new ApiError(400, 'name must start with a letter')).code).toBe('CMMVC6527E');
    expect(mapped(new EngineError('invalid', 'copy rate must be 0-150')).code).toBe('CMMVC6070E');
    expect(mapped(new EngineError('invalid', 'bad value', ['the Name is too long'])).code).toBe('CMMVC6527E');
  });

  it('maps "already exists" to CMMVC6035E', () => {
    expect(mapped(new ApiError(409, 'a consistency group named "g" already exists on V7000')).code).toBe('CMMVC6035E');
    expect(mapped(new EngineError('conflict', 'refused', ['a volume named x already exists'])).code).toBe('CMMVC6035E');
  });

  it('maps a size rule (422) to CMMVC5920E', () => {
    const error = mapped(new EngineError('rule', 'the target is not eligible', ['target capacity differs from the source']));
    expect(error.code).toBe('CMMVC5920E');
    expect(error.message).toContain('(the target is not eligible)');
    expect(mapped(new ApiError(422, 'refused', ['size differs'])).code).toBe('CMMVC5920E');
  });

  it('maps deleting a volume that is in a mapping (409) to CMMVC5840E', () => {
    // The words lib/services/volumes.ts deleteVolume uses.
    expect(
      mapped(new ApiError(409, 'volume v cannot be deleted while it is in flashcopy relationship fcmap0 (state copying): remove the relationship first')).code,
    ).toBe('CMMVC5840E');
  });

  it('maps every other refusal (a state that does not allow it, a lock) to CMMVC5903E', () => {
    expect(mapped(new EngineError('conflict', 'action stop is not allowed in state idle_or_copied')).code).toBe('CMMVC5903E');
    expect(mapped(new EngineError('locked', 'the target is locked')).code).toBe('CMMVC5903E');
    expect(mapped(new ApiError(409, 'busy')).code).toBe('CMMVC5903E');
  });

  it("answers a monitor's task with CMMVC6253E and HTTP 403", () => {
    const error = roleRefused('monitor');
    expect(error.code).toBe('CMMVC6253E');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^CMMVC6253E The task has failed because the user's role is not authorized/);
  });
});
