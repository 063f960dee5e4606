// Reading requests: size-capped JSON bodies and query strings, validated by zod schemas.
import { z } from 'zod';
import { ApiError } from './api-error';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export interface IssueDetail {
  path: string;
  message: string;
}

export function zodDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function invalid(where: string, error: z.ZodError): ApiError {
  const details = zodDetails(error);
  const first = details[0];
  const summary = first ? `${first.path || where}: ${first.message}` : 'invalid';
  return new ApiError(400, `invalid ${where}: ${summary}`, details);
}

/** The request body as bytes, refused with 413 beyond `maxBytes` without buffering the rest. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new ApiError(413, `request body of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    totalBytes += value.byteLength;
    if (totalBytes > maxBytes) {
      await reader.cancel();
      throw new ApiError(413, `request body exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readText(request: Request): Promise<string> {
  return Buffer.from(await readBodyBytes(request, MAX_JSON_BODY_BYTES)).toString('utf8');
}

/** Parses and validates a JSON body; with `emptyAs`, an empty body stands for that value. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, emptyAs?: unknown): Promise<z.output<S>> {
  const text = await readText(request);
  if (text.trim() === '' && emptyAs !== undefined) return parseWith(schema, emptyAs);
  let raw: unknown;
  try {
    raw = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `malformed JSON body: ${(error as Error).message}`);
  }
  if (raw === undefined) throw new ApiError(400, 'a JSON body is required');
  return parseWith(schema, raw);
}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('body', parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  // docs/api.md#conventions: an empty filter value (`?arrayId=&role=&q=`) means the filter is not set.
  for (const [key, value] of params) if (value !== '') raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data;
}
