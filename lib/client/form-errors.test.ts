import { describe, expect, it } from 'vitest';
import { CreateUserBody } from '@/lib/api/auth-schemas';
import { ApiError } from './api-error';
import { schemaFieldErrors, serverFormErrors } from './form-errors';

const LABELS = { username: 'Username', password: 'Password', role: 'Role' };

describe('form errors', () => {
  it('puts the schema’s first problem per field under that field, as a sentence', () => {
    const parsed = CreateUserBody.safeParse({ username: 'x', password: 'short', role: 'admin' });
    expect(schemaFieldErrors(parsed.error, LABELS)).toEqual({
      username: 'Username must be at least 2 characters',
      password: 'Password must be at least 10 characters',
    });
  });

  it('places 400 issues by field and the rest on the form', () => {
    const error = new ApiError(400, 'bad_request', 'invalid body', [
      { path: 'password', message: 'must be at least 10 characters' },
      { path: '', message: 'unrecognized key' },
    ]);
    expect(serverFormErrors(error, LABELS)).toEqual({ fields: { password: 'Password must be at least 10 characters' }, form: ['unrecognized key'] });
  });

  it('shows a 409 under the conflicting field, other errors on the form', () => {
    expect(serverFormErrors(new ApiError(409, 'conflict', 'a user named bob already exists'), LABELS, 'username').fields.username).toBe(
      'A user named bob already exists',
    );
    expect(serverFormErrors(new ApiError(403, 'forbidden', 'no'), LABELS).form).toEqual(['No']);
  });
});
