// The guard in front of Next, on a bare node:http server: JSON errors for what no route can take.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientError, refuseUnroutable } from './raw-guard';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (refuseUnroutable(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 14 }).end('passed to Next');
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends raw bytes (so nothing normalizes the request line) and returns the raw answer. */
function exchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    setTimeout(() => socket.end(), 500);
  });
}

function parse(answer: string): { status: number; headers: string; body: string } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body };
}

describe('refuseUnroutable', () => {
  it('answers an /api path with a broken percent-escape with a JSON 400', async () => {
    const { status, headers, body } = parse(await exchange('GET /api/arrays/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(status).toBe(400);
    expect(headers).toContain('content-type: application/json');
    expect(JSON.parse(body)).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('malformed percent-escape') } });
  });

  it('answers a page path with a broken escape with a plain 400', async () => {
    const { status, headers } = parse(await exchange('GET /volumes/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(status).toBe(400);
    expect(headers).toContain('content-type: text/plain');
  });

  it('refuses methods no route can export with a JSON 405 and Allow', async () => {
    const { status, headers, body } = parse(await exchange('TRACE /api/arrays HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(status).toBe(405);
    expect(headers).toContain('allow: get, head, options, post, put, patch, delete');
    expect(JSON.parse(body).error.code).toBe('method_not_allowed');
  });

  it('lets everything else through', async () => {
    expect(parse(await exchange('GET /api/arrays/%2F%20ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).body).toBe('passed to Next');
    expect(parse(await exchange('TRACE /volumes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).body).toBe('passed to Next');
  });
});

describe('answerClientError', () => {
  it('answers a request line over the header limit with a JSON 431', async () => {
    const { status, body } = parse(await exchange(`GET /api/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(status).toBe(431);
    expect(JSON.parse(body).error.code).toBe('headers_too_large');
  });

  it('answers malformed framing with a JSON 400', async () => {
    const { status, body } = parse(await exchange('GET /api/arrays HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'));
    expect(status).toBe(400);
    expect(JSON.parse(body).error.message).toMatch(/malformed HTTP request/);
  });
});
