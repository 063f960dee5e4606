// Refusals in the shape SANtricity Web Services uses: {errorMessage, localizedMessage, retcode,
// codeType}. codeType says who refused: "symbol" for the array itself (here: the engine's rules),
// "webservice" for the REST layer (sign-in, routing, request parsing), "systemerror" for a fault of
// the server. Grainline has one language, so localizedMessage repeats errorMessage.
import { ApiError } from '../../http/api-error';
import { isEngineError, type EngineErrorKind } from '../../../engine/errors';

export type CodeType = 'symbol' | 'webservice' | 'systemerror';

export interface SantricityErrorBody {
  errorMessage: string;
  localizedMessage: string;
  retcode: string;
  codeType: CodeType;
}

export class SantricityError extends Error {
  readonly status: number;
  readonly retcode: string;
  readonly codeType: CodeType;
  /** Response headers the refusal needs (WWW-Authenticate, Retry-After, Allow). */
  readonly headers: Record<string, string>;

  constructor(status: number, retcode: string, message: string, codeType: CodeType = 'webservice', headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.retcode = retcode;
    this.codeType = codeType;
    this.headers = headers;
  }

  body(): SantricityErrorBody {
    return { errorMessage: this.message, localizedMessage: this.message, retcode: this.retcode, codeType: this.codeType };
  }
}

export function notFound(message: string): SantricityError {
  return new SantricityError(404, 'objectNotFound', message);
}

export function badRequest(message: string): SantricityError {
  return new SantricityError(400, 'invalidRequest', message);
}

/**
 * The array's refusals. The real Web Services answer every refusal of the array's firmware with
 * 422 (codeType "symbol"), whatever the reason: a rule (an ineligible target), a state conflict
 * (stop on a copy that is not running) or a volume whose role forbids the change. Grainline's
 * engine tells those apart as 422, 409 and 423; here they all become 422, as a client of the real
 * API expects, and the retcode keeps the distinction.
 */
const ENGINE_ANSWER: Record<EngineErrorKind, { status: number; retcode: string; codeType: CodeType }> = {
  invalid: { status: 400, retcode: 'invalidParameter', codeType: 'webservice' },
  'not-found': { status: 404, retcode: 'objectNotFound', codeType: 'webservice' },
  conflict: { status: 422, retcode: 'invalidState', codeType: 'symbol' },
  rule: { status: 422, retcode: 'ruleViolation', codeType: 'symbol' },
  locked: { status: 422, retcode: 'volumeAccessDenied', codeType: 'symbol' },
  // A full queue of the engine: the web server's own answer to an overloaded array, retried by clients.
  busy: { status: 503, retcode: 'serviceUnavailable', codeType: 'webservice' },
};

/** ApiError statuses from the services, in the same terms as the engine's kinds above. */
function fromApiError(error: ApiError): SantricityError {
  switch (error.status) {
    case 409:
      return new SantricityError(422, 'invalidState', error.message, 'symbol');
    case 422:
      return new SantricityError(422, 'ruleViolation', error.message, 'symbol');
    case 423:
      return new SantricityError(422, 'volumeAccessDenied', error.message, 'symbol');
    case 404:
      return notFound(error.message);
    default:
      return new SantricityError(error.status, error.code, error.message, error.status >= 500 ? 'systemerror' : 'webservice', error.headers);
  }
}

/** The refusal to answer with, or null for an error nobody expected (a bug: log it, answer 500). */
export function toSantricityError(error: unknown): SantricityError | null {
  if (error instanceof SantricityError) return error;
  if (error instanceof ApiError) return fromApiError(error);
  if (isEngineError(error)) {
    const answer = ENGINE_ANSWER[error.kind];
    const reasons = error.reasons.length > 1 ? ` (${error.reasons.join('; ')})` : '';
    return new SantricityError(answer.status, answer.retcode, `${error.message}${reasons}`, answer.codeType);
  }
  return null;
}

export function internalError(): SantricityError {
  return new SantricityError(500, 'internalError', 'internal error: the server logged the details', 'systemerror');
}
