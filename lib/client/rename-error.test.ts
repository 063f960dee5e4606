import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { renameErrorOf } from './rename-error';

describe('where a refused rename is shown', () => {
  it("puts a taken name under the field, in the server's words", () => {
    const taken = new ApiError(409, 'conflict', 'a copy relationship named "nightly" already exists on array V7000-LON-02', [
      'a copy relationship named "nightly" already exists on array V7000-LON-02',
    ]);
    expect(renameErrorOf(taken)).toEqual({ field: 'A copy relationship named "nightly" already exists on array V7000-LON-02', form: null });
    expect(renameErrorOf(new ApiError(409, 'conflict', 'a volume named "db01" already exists on this array'))).toEqual({
      field: 'A volume named "db01" already exists on this array',
      form: null,
    });
  });

  it('puts a refusal of the rule under the field, from the schema or the engine', () => {
    const schema = new ApiError(400, 'bad_request', 'invalid body: name: may use letters…', [
      { path: 'name', message: 'may use letters, digits and _ . : - and must start with a letter or digit' },
    ]);
    expect(renameErrorOf(schema).field).toBe('Name may use letters, digits and _ . : - and must start with a letter or digit');
    const engine = new ApiError(400, 'bad_request', 'invalid name "9x": the name must start with a letter or an underscore', [
      'the name must start with a letter or an underscore',
    ]);
    expect(renameErrorOf(engine)).toEqual({ field: 'The name must start with a letter or an underscore', form: null });
  });

  it('keeps anything else for the whole form', () => {
    expect(renameErrorOf(new ApiError(404, 'not_found', 'copy relationship "c1" does not exist'))).toEqual({
      field: null,
      form: 'Copy relationship "c1" does not exist',
    });
    expect(renameErrorOf(new Error('boom'))).toEqual({ field: null, form: 'Boom' });
  });
});
