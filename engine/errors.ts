// Operating errors the engine reports to its callers (as opposed to assertion failures, which are
// bugs). Each kind maps to one status of the API contract.

export const ENGINE_ERROR_STATUS = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  rule: 422,
  locked: 423,
  // A bounded queue is full: the caller should retry shortly (back-pressure, never silent loss).
  busy: 503,
} as const;

export type EngineErrorKind = keyof typeof ENGINE_ERROR_STATUS;

/** Brand shared by every copy of this module: Next bundles route handlers separately from
 *  server.ts, so an error thrown by the server's engine is not `instanceof` the bundle's class. */
const ENGINE_ERROR_BRAND = Symbol.for('grainline.engine-error');

export function isEngineError(value: unknown): value is EngineError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ENGINE_ERROR_BRAND] === true;
}

export class EngineError extends Error {
  readonly [ENGINE_ERROR_BRAND] = true;
  readonly kind: EngineErrorKind;
  /** For `rule`: every reason, so the caller can list them all. */
  readonly reasons: string[];

  constructor(kind: EngineErrorKind, message: string, reasons: string[] = []) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
    this.reasons = reasons;
  }
}
