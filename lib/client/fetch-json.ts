// One fetch path for every API call: JSON in, JSON out, and any non-2xx turned into an ApiError
// carrying the contract's code, message and details.
import { ApiError } from './api-error';
import { CSRF_COOKIE, CSRF_HEADER } from './auth-constants';
import { toSignIn } from './hard-navigate';

const NETWORK_STATUS = 0;

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = `${response.status} ${response.statusText || 'request failed'}`;
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, an empty body): the status line is all there is.
  }
  const error = body?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : fallback;
  return new ApiError(response.status, code, message, error?.details);
}

/** The session's CSRF token, which the server set in a cookie this script may read (lib/auth/cookies.ts). */
function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1));
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  const csrf = method === 'GET' || method === 'HEAD' ? undefined : csrfToken();
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}), ...init.headers } });
  } catch {
    throw new ApiError(NETWORK_STATUS, 'network', 'Cannot reach the Grainline server. Check that it is running.');
  }
  if (response.status === 401 && typeof window !== 'undefined' && !path.startsWith('/api/session') && !path.startsWith('/api/setup')) toSignIn(); // the session ended (signed out elsewhere, expired, user removed)
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Builds "/api/x?a=1" leaving out empty values, which the API's schemas reject. */
export function apiPath(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { method: 'GET', signal });
  return (await response.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}

export async function deleteResource(path: string): Promise<void> {
  await send(path, { method: 'DELETE' });
}

export async function patchJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}

/** DELETE whose answer has a body (e.g. signing out reports how many sessions ended). */
export async function deleteJson<T>(path: string): Promise<T> {
  const response = await send(path, { method: 'DELETE' });
  return (await response.json()) as T;
}

export async function putNoContent(path: string, body: unknown): Promise<void> {
  await send(path, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}
