// Requests that never reach a route handler, answered in the API's error shape instead of what Next
// and Node would send: a path whose percent-escapes do not decode (Next's param decoding throws and
// it answers a bare 500), a method no route can export (TRACE…: Next throws, 500), and requests
// Node's HTTP parser refuses (URL and headers over its 16 KiB limit, malformed framing), which it
// answers with an empty body. server.ts calls these before Next sees the request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_CODES, type ErrorStatus } from './api-error';

/** The methods a route file can export (HEAD and OPTIONS Next derives from them). */
const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ROUTE_METHOD_SET = new Set<string>(ROUTE_METHODS);

function errorJson(status: ErrorStatus, message: string): string {
  return JSON.stringify({ error: { code: ERROR_CODES[status], message } });
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function decodes(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: ErrorStatus, message: string, json: boolean, headers: Record<string, string> = {}): true {
  const body = json ? errorJson(status, message) : `${message}\n`;
  res.writeHead(status, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
  return true;
}

/** Answers a request no route can take (undecodable path, unusable method); true when it did. */
export function refuseUnroutable(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const api = isApiPath(pathname);
  if (!decodes(pathname)) {
    return refuse(res, 400, `the path ${pathname.slice(0, 200)} has a malformed percent-escape`, api);
  }
  if (api && !ROUTE_METHOD_SET.has(req.method ?? '')) {
    return refuse(res, 405, `the API does not take ${req.method} requests; it uses ${ROUTE_METHODS.join(', ')}`, true, { allow: ROUTE_METHODS.join(', ') });
  }
  return false;
}

/** For the HTTP server's 'clientError' event: what Node would answer, with a JSON error body. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message]: [ErrorStatus, string, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'the request line and headers exceed the server limit of 16 KiB: shorten the URL or headers']
      : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? [413, 'Payload Too Large', 'chunk extensions exceed the server limit']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'the request was not received in time']
          : [400, 'Bad Request', `malformed HTTP request${error.code ? ` (${error.code})` : ''}`];
  const body = errorJson(status, message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
