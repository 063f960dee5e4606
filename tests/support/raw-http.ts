// Raw HTTP for hostile-input tests: node:http sends the path exactly as given (fetch would resolve
// "..", re-encode and refuse some bytes), any method, any headers, and bodies that are bytes,
// or a lazily generated stream sent chunked (no content-length) so the server cannot size it up front.
import http from 'node:http';

export type RawBody =
  | { kind: 'none' }
  | { kind: 'bytes'; data: Uint8Array; omitLength?: boolean }
  /** `totalBytes` of `chunk` repeated, chunked transfer encoding, written only as fast as the server reads. */
  | { kind: 'stream'; chunk: Uint8Array; totalBytes: number };

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: RawBody;
}

export interface RawResponse {
  /** 0: the server reset the connection of a request whose body it left unread, and its answer was lost or cut short. */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Body bytes the client had handed to the socket when the response head arrived. */
  sentBeforeResponse: number;
  /** The request's total body size. */
  bodyBytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function closeRawAgent(): void {
  agent.destroy();
}

function bodySize(body: RawBody): number {
  if (body.kind === 'none') return 0;
  if (body.kind === 'bytes') return body.data.byteLength;
  return body.totalBytes;
}

/** Sends one request; rejects when no response came (other than a close mid-upload, see status 0) or none within `timeoutMs`. */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body.kind === 'bytes' && !request.body.omitLength) headers['content-length'] = request.body.data.byteLength;
    if (request.body.kind === 'stream') headers['transfer-encoding'] = 'chunked';
    // A request whose body the server refuses may leave the socket unusable: give it its own.
    const ownSocket = request.body.kind === 'stream' || bodySize(request.body) > 1024 * 1024;
    let sent = 0;
    let answered = false;
    let settled = false;
    const closedWhileUploading = (why: string): RawResponse => ({
      status: 0,
      headers: {},
      body: Buffer.from(`connection reset by the server after ${sent} of ${bodySize(request.body)} body bytes were sent (${why})`),
      sentBeforeResponse: sent,
      bodyBytes: bodySize(request.body),
    });
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent: ownSocket ? false : agent });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(new Error(`no complete response to ${request.method} ${request.path.slice(0, 200)} within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      answered = true;
      const sentBeforeResponse = sent;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), sentBeforeResponse, bodyBytes: bodySize(request.body) });
        // The server answered before reading everything: stop uploading the rest.
        if (sent < bodySize(request.body)) req.destroy();
      });
      res.on('error', (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // The same reset can cut the answer short: the body the server left unread makes its close a reset.
        if (bodySize(request.body) > 0) resolve(closedWhileUploading(error.message));
        else reject(error);
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Once the response is in, a reset from the server closing an unread upload is expected.
      if (settled || answered) return;
      settled = true;
      clearTimeout(timer);
      // A server that answers without reading a body closes the connection; a client still sending
      // can lose that answer to the reset. Report it as status 0 (closed while uploading).
      if (bodySize(request.body) > 0 && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
        resolve(closedWhileUploading(error.code));
        return;
      }
      reject(new Error(`${request.method} ${request.path.slice(0, 200)}: ${error.message} (after ${sent} body bytes)`));
    });

    const body = request.body;
    if (body.kind === 'none') {
      req.end();
    } else if (body.kind === 'bytes') {
      sent = body.data.byteLength;
      req.end(Buffer.from(body.data.buffer, body.data.byteOffset, body.data.byteLength));
    } else {
      const pump = () => {
        while (!answered && !settled && sent < body.totalBytes) {
          const size = Math.min(body.chunk.byteLength, body.totalBytes - sent);
          sent += size;
          if (!req.write(body.chunk.subarray(0, size))) {
            req.once('drain', pump);
            return;
          }
        }
        if (sent >= body.totalBytes && !req.writableEnded) req.end();
      };
      pump();
    }
  });
}
