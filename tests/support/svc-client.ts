// A tiny IBM Spectrum Virtualize REST client for tests, sending what the IBM Ansible collection
// sends: HTTPS (self-signed certificate accepted), every call a POST with a JSON body of options or
// the literal `null`, `POST /rest/auth` with X-Auth-Username/X-Auth-Password for a token, then
// `POST /rest/<command>[/<object>]` with X-Auth-Token.
import https from 'node:https';
import net from 'node:net';

export interface SvcResponse<T = unknown> {
  status: number;
  /** The body parsed as JSON when it is JSON, else the text ("" for none). */
  body: T;
  text: string;
}

export type SvcOptions = Record<string, string | number | boolean> | null;

/** One raw HTTPS request to the SVC REST port (any method, any headers, any body). */
export function svcRequest<T = unknown>(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | null,
): Promise<SvcResponse<T>> {
  return new Promise((resolve, reject) => {
    const payload = body === null ? undefined : Buffer.from(body, 'utf8');
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        rejectUnauthorized: false,
        headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(payload.length) }), ...headers },
        timeout: 20_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((response.headers['content-type'] ?? '').includes('json') && text !== '') parsed = JSON.parse(text) as unknown;
          resolve({ status: response.statusCode ?? 0, body: parsed as T, text });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`SVC REST ${method} ${path} timed out`)));
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** `POST /rest/auth` → the token, or the refusal's status and text. */
export async function svcAuth(port: number, username: string, password: string): Promise<SvcResponse<{ token?: string } | string>> {
  return svcRequest(port, 'POST', '/rest/auth', { 'x-auth-username': username, 'x-auth-password': password }, 'null');
}

export interface SvcClient {
  token: string;
  /** `POST /rest/<command>[/<object>]` with `options` as the JSON body (null → `null`). */
  run: <T = unknown>(command: string, object?: string | null, options?: SvcOptions) => Promise<SvcResponse<T>>;
}

/** Signs in at /rest/auth and returns a client that sends the token on every command. */
export async function svcClient(port: number, username: string, password: string): Promise<SvcClient> {
  const auth = await svcAuth(port, username, password);
  if (auth.status !== 200 || typeof auth.body !== 'object' || typeof auth.body.token !== 'string') {
    throw new Error(`SVC REST auth as ${username} failed: ${auth.status} ${auth.text}`);
  }
  const token = auth.body.token;
  return {
    token,
    run: <T = unknown>(command: string, object: string | null = null, options: SvcOptions = null) =>
      svcRequest<T>(
        port,
        'POST',
        `/rest/${command}${object === null ? '' : `/${encodeURIComponent(object)}`}`,
        { 'x-auth-token': token },
        JSON.stringify(options),
      ),
  };
}

/**
 * Waits until something accepts TCP connections on 127.0.0.1:`port`. The server starts its SVC
 * REST and SSH listeners after the console answers /api/health (startServer's readiness check),
 * so a test must wait for them before its first SVC call.
 */
export async function waitListening(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until nothing accepts connections on 127.0.0.1:`port` (another suite's server has let go of it). */
export async function waitPortFree(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await waitListening(port, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
