// A small HTTP client for API integration tests: JSON in, parsed JSON (or bytes) out, sent with
// whatever credentials the test chose (an admin's bearer token by default: see authedClient).

export interface ApiResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type Credentials = () => Record<string, string>;

const NO_CREDENTIALS: Credentials = () => ({});

/**
 * A pooled keep-alive connection the server closes as idle just as a request goes out fails with
 * "other side closed"; a read is safe to send again (writes are not, and are not retried).
 */
async function fetchRead(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

export function apiClient(baseUrl: () => string, credentials: Credentials = NO_CREDENTIALS) {
  async function call<T>(method: string, path: string, body?: unknown, raw?: string, extraHeaders: Record<string, string> = {}): Promise<ApiResult<T>> {
    const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...credentials(), ...extraHeaders } };
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) init.body = JSON.stringify(body);
    const response = method === 'GET' ? await fetchRead(`${baseUrl()}${path}`, init) : await fetch(`${baseUrl()}${path}`, init);
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') parsed = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async function putBytes(path: string, data: Uint8Array): Promise<ApiResult<ApiErrorBody | undefined>> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', ...credentials() },
      body: new Uint8Array(data),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as ApiErrorBody), headers: response.headers };
  }

  async function getBytes(path: string): Promise<{ status: number; bytes: Uint8Array; text: string }> {
    const response = await fetchRead(`${baseUrl()}${path}`, { headers: credentials() });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, bytes, text: response.ok ? '' : Buffer.from(bytes).toString('utf8') };
  }

  return {
    call,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body?: unknown) => call<T>('PATCH', path, body),
    del: <T>(path: string) => call<T>('DELETE', path),
    putBytes,
    getBytes,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
