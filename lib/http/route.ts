// Wraps a route handler: await Next's params, map thrown errors to the contract's error shape.
import { ApiError, errorBody } from './api-error';
import { jsonResponse } from './json';
import { findRuntime } from '../runtime';
import { ENGINE_ERROR_STATUS, isEngineError } from '../../engine/errors';

type Params = Record<string, string | string[]>;
type Handler<P extends Params> = (request: Request, params: P) => Promise<Response>;

function logUnexpected(error: unknown, request: Request): void {
  const runtime = findRuntime();
  const record = { err: error, method: request.method, url: request.url };
  if (runtime) runtime.log.error(record, 'unhandled error in route handler');
  else console.error('unhandled error in route handler', record);
}

export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return jsonResponse(errorBody(error), error.status);
  if (isEngineError(error)) {
    const status = ENGINE_ERROR_STATUS[error.kind];
    const details = error.reasons.length > 0 ? error.reasons : undefined;
    return jsonResponse(errorBody(new ApiError(status, error.message, details)), status);
  }
  logUnexpected(error, request);
  return jsonResponse(errorBody(new ApiError(500, 'internal error: the server logged the details')), 500);
}

export function route<P extends Params = Params>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
