// One fetch path for every API call: JSON in, JSON out, and any non-2xx turned into an ApiError
// carrying the contract's code, message and details.
import { ApiError } from './api-error';

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

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(NETWORK_STATUS, 'network', 'Cannot reach the Grainline server. Check that it is running.');
  }
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

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}
