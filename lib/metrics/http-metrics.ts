// Requests the console's HTTP server answered, and how long each took, by method, route pattern
// and status class. server.ts calls observe() first thing for every request, whoever answers it
// (the data path, SANtricity's /devmgr, Next). socket.io's own transport requests never reach
// that handler, so they are not counted here (grainline_socket_clients counts the sockets).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { RoutePatterns } from './route-patterns';

/** Seconds. The data path answers in well under a millisecond; a slow page render takes seconds. */
export const HTTP_DURATION_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);
type Labels = 'method' | 'route' | 'status_class';

/** 2xx…5xx; `aborted` when the connection closed before the answer was sent. */
export function statusClassOf(statusCode: number, finished: boolean): string {
  if (!finished) return 'aborted';
  return statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other';
}

/** A method outside the ones routes take reads as "other" (anyone can send any token there). */
export function methodLabelOf(method: string | undefined): string {
  return method !== undefined && KNOWN_METHODS.has(method) ? method : 'other';
}

export class HttpMetrics {
  private readonly requests: Counter<Labels>;
  private readonly duration: Histogram<Labels>;

  constructor(
    registry: Registry,
    private readonly routes: RoutePatterns,
  ) {
    this.requests = new Counter({
      name: 'grainline_http_requests_total',
      help: 'HTTP requests answered on the console port, by method, route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'grainline_http_request_duration_seconds',
      help: 'Time from receiving a request to sending the last byte of its answer',
      labelNames: ['method', 'route', 'status_class'],
      buckets: HTTP_DURATION_BUCKETS_S,
      registers: [registry],
    });
  }

  /** Counts the request once its answer is sent (or its connection closes first). */
  observe(req: IncomingMessage, res: ServerResponse): void {
    const startNs = process.hrtime.bigint();
    res.once('close', () => {
      const labels = {
        method: methodLabelOf(req.method),
        route: this.routes.match(req.url ?? '/'),
        status_class: statusClassOf(res.statusCode, res.writableFinished),
      };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - startNs) / 1e9);
    });
  }
}
