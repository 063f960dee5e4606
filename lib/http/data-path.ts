// The host data path, answered by server.ts before Next: GET and PUT /api/volumes/:id/data. Host
// I/O is not a management action, and Next's per-request work (routing, the Web Request, the
// audit row) cost more than the write itself. Here a request is authenticated and role-checked
// exactly as a route handler does it (bearer token, or session cookie with CSRF token and Origin),
// answered in the API's error shape, and counted per volume (lib/services/host-io-counters.ts).
// Refusals go on the audit trail like any refused request; a write that succeeds is counted, not
// audited (it is the data path, as on an array). Durability is the service's (writeDurably).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DATA_REQUEST_BYTES_MAX, DataReadQuery, DataWriteQuery } from '../api/copy-schemas';
import { clientAddress, type HeaderReader, type RequestLike } from '../auth/address';
import { recordAudit } from '../auth/audit';
import { assertCsrf } from '../auth/csrf';
import { authenticate, cachedBearerPrincipal, credentialsOf, type Principal } from '../auth/principal';
import type { Runtime } from '../runtime';
import { countRefusal, readVolume, writeDurably, writeRangeRefusal } from '../services/host-io';
import { ApiError } from './api-error';
import { API_RESPONSE_HEADERS } from './api-headers';
import { invalid } from './request';
import { authorize, errorResponseOf, toApiError } from './route';

const DATA_PATH = /^\/api\/volumes\/([^/?]+)\/data$/;

/** Takes GET and PUT of a volume's data (true) and answers asynchronously; anything else is Next's. */
export function handleDataPath(runtime: Runtime, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'PUT') return false;
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const match = DATA_PATH.exec(queryAt < 0 ? url : url.slice(0, queryAt));
  if (match === null) return false;
  let volumeId: string;
  try {
    volumeId = decodeURIComponent(match[1] as string);
  } catch {
    return false; // raw-guard answers the malformed escape
  }
  void serve(runtime, req, res, volumeId, queryAt < 0 ? '' : url.slice(queryAt + 1));
  return true;
}

async function serve(runtime: Runtime, req: IncomingMessage, res: ServerResponse, volumeId: string, query: string): Promise<void> {
  const headers = headerReaderOf(req);
  // What the auth and CSRF checks read (a Web Request would cost more than the write itself); the
  // URL is built only if a check or an error needs it.
  const request: RequestLike = {
    method: req.method ?? 'GET',
    headers,
    get url() {
      return urlOf(headers.get('host'), req.url ?? '/');
    },
  };
  let principal: Principal | null = null;
  try {
    // A host presents its token thousands of times a second: a lookup up to 2 s old answers, from
    // the cache without a query when it can.
    const credentials = credentialsOf(headers);
    principal =
      cachedBearerPrincipal(credentials, Date.now()) ?? (await authenticate(runtime.db, runtime.auth.sessionSecret, credentials, { cachedTokens: true }));
    assertCsrf(request, principal);
    if (req.method === 'GET') {
      authorize('read', principal);
      const { offset, length } = parseQuery(query, DataReadQuery);
      const bytes = readVolume(runtime, volumeId, offset, length);
      res.writeHead(200, {
        ...API_RESPONSE_HEADERS,
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.byteLength),
        'cache-control': 'no-store',
      });
      res.end(bytes);
      return;
    }
    authorize('operate', principal);
    const { offset } = parseQuery(query, DataWriteQuery);
    const refusal = writeRangeRefusal(runtime, volumeId, offset, Number(headers.get('content-length') ?? Number.NaN));
    if (refusal !== null) throw refusal;
    const data = await readBody(req, DATA_REQUEST_BYTES_MAX);
    await writeDurably(runtime, volumeId, offset, data);
    res.writeHead(204, API_RESPONSE_HEADERS);
    res.end();
  } catch (error) {
    const failure = toApiError(error, request);
    countRefusal(runtime, volumeId, failure);
    await answer(res, errorResponseOf(failure));
    // A body the client still sends after an early refusal is drained, not left in the socket.
    if (!req.readableEnded) req.resume();
    if (req.method === 'PUT') {
      await recordAudit(runtime.db, runtime.log, {
        principal,
        address: clientAddress(request),
        method: 'PUT',
        path: req.url ?? '',
        status: failure.status,
        message: failure.message,
      });
    }
  }
}

function parseQuery<S extends typeof DataReadQuery | typeof DataWriteQuery>(query: string, schema: S) {
  const raw: Record<string, string> = {};
  // docs/api.md#conventions: an empty value means the parameter is not set.
  for (const [key, value] of new URLSearchParams(query)) if (value !== '') raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data as ReturnType<S['parse']>;
}

/** The request's URL; a Host header no URL can hold (a client's mistake) reads as localhost. */
function urlOf(host: string | null, path: string): string {
  const url = `http://${host ?? 'localhost'}${path}`;
  return URL.canParse(url) ? url : `http://localhost${path}`;
}

/** Node's parsed headers read as Headers.get reads (Node already joined repeated ones). */
function headerReaderOf(req: IncomingMessage): HeaderReader {
  return {
    get(name: string): string | null {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The body, at most maxBytes (413 beyond, as readBodyBytes answers route handlers). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) return Promise.reject(new ApiError(413, `request body of ${declared} bytes exceeds the ${maxBytes}-byte limit`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let totalBytes = 0;
    const onData = (chunk: Buffer) => {
      totalBytes += chunk.length;
      if (totalBytes > maxBytes) {
        req.off('data', onData);
        reject(new ApiError(413, `request body exceeds the ${maxBytes}-byte limit`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, totalBytes)));
    req.once('error', reject);
  });
}

async function answer(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...API_RESPONSE_HEADERS };
  response.headers.forEach((value, name) => (headers[name] = value));
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
