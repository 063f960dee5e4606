// GET /metrics: this node's metrics in Prometheus' text format, answered by server.ts before Next
// (a scrape every few seconds needs none of Next's per-request work). Like every API read it takes
// a signed-in caller of any role: a scraper sends a monitor's API token as a bearer token
// (docs/decisions.md D34). Refusals answer in the API's error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { authenticate, credentialsOf } from '../auth/principal';
import { ApiError } from '../http/api-error';
import { API_RESPONSE_HEADERS } from '../http/api-headers';
import { authorize, errorResponseOf, toApiError } from '../http/route';
import type { Runtime } from '../runtime';

export const METRICS_PATH = '/metrics';

/** Takes requests for /metrics (true) and answers them asynchronously; anything else is not its. */
export function handleMetrics(runtime: Pick<Runtime, 'db' | 'auth'>, registry: Registry, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  if ((queryAt < 0 ? url : url.slice(0, queryAt)) !== METRICS_PATH) return false;
  void serve(runtime, registry, req, res);
  return true;
}

async function serve(runtime: Pick<Runtime, 'db' | 'auth'>, registry: Registry, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new ApiError(405, `${METRICS_PATH} takes GET only`, undefined, { allow: 'GET, HEAD' });
    const headers = new Headers();
    if (req.headers.authorization !== undefined) headers.set('authorization', req.headers.authorization);
    if (req.headers.cookie !== undefined) headers.set('cookie', req.headers.cookie);
    // Scrapes repeat every few seconds with one token: a lookup up to 2 s old answers, as on the data path.
    const principal = await authenticate(runtime.db, runtime.auth.sessionSecret, credentialsOf(headers), { cachedTokens: true });
    authorize('read', principal);
    const body = Buffer.from(await registry.metrics());
    res.writeHead(200, { ...API_RESPONSE_HEADERS, 'content-type': registry.contentType, 'content-length': String(body.length), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    const response = errorResponseOf(toApiError(error, { method: req.method ?? 'GET', url: `http://localhost${req.url ?? '/'}`, headers: new Headers() }));
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = { ...API_RESPONSE_HEADERS };
    response.headers.forEach((value, name) => (headers[name] = value));
    headers['content-length'] = String(body.length);
    res.writeHead(response.status, headers);
    res.end(body);
    if (!req.readableEnded) req.resume();
  }
}
