// The API's error shape ({"error": {code, message, details}}) as a thrown Error, so query and
// mutation callers can branch on the status and show the server's own message.

export interface IssueDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** 400 details: the zod issues the server rejected, one per field. */
  issues(): IssueDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (item): item is IssueDetail =>
        typeof item === 'object' && item !== null && typeof (item as IssueDetail).path === 'string' && typeof (item as IssueDetail).message === 'string',
    );
  }

  /** 422 details: every rule the request broke, as sentences. */
  reasons(): string[] {
    return Array.isArray(this.details) ? this.details.filter((item): item is string => typeof item === 'string') : [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Text for a toast or an error panel, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Unexpected error';
}
