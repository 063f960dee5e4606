// Request bodies of the Web Services: JSON, at most 1 MiB (the console API's limit), validated by
// zod. The stream is read only by routes that take a body; Node drains any body nobody read.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { MAX_JSON_BODY_BYTES } from '../../http/request';
import { badRequest, SantricityError } from './errors';

function tooLarge(): SantricityError {
  return new SantricityError(413, 'requestTooLarge', `the request body exceeds the ${MAX_JSON_BODY_BYTES}-byte limit`);
}

/**
 * The body's bytes; refused with 413 beyond `maxBytes` without keeping the rest. The rest is read
 * and dropped (as Node does for a body nobody read), so the client can finish sending and read the
 * refusal on a connection that stays usable.
 */
export function readBodyBytes(req: IncomingMessage, maxBytes = MAX_JSON_BODY_BYTES): Promise<Buffer> {
  const declaredBytes = Number(req.headers['content-length'] ?? '0');
  if (declaredBytes > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let totalBytes = 0;
    const onData = (chunk: Buffer) => {
      totalBytes += chunk.byteLength;
      if (totalBytes <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/** Parses and validates a JSON body; an empty body is refused (every route here needs one). */
export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const text = (await readBodyBytes(req)).toString('utf8');
  if (text.trim() === '') throw badRequest('a JSON body is required');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest(`malformed JSON body: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest(`invalid body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
