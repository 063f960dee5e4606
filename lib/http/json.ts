// JSON responses. Byte counts are bigint inside; on the wire they are numbers while exact
// (≤ 2^53) and decimal strings beyond, as the API contract allows.

export function bytesToJson(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? bytesToJson(value) : value;
}

export function jsonResponse(data: unknown, status = 200, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(data, bigintReplacer), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
  if (headers) new Headers(headers).forEach((v, k) => response.headers.set(k, v));
  return response;
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
