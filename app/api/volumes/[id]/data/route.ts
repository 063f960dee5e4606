// The host data path. server.ts answers GET and PUT itself, before Next (lib/http/data-path.ts:
// host I/O is not a management request and Next's per-request cost was most of a write's); these
// handlers serve what reaches Next anyway — HEAD, and a server started without server.ts.
import { DATA_REQUEST_BYTES_MAX, DataReadQuery, DataWriteQuery } from '@/lib/api/copy-schemas';
import { noContent } from '@/lib/http/json';
import { readBodyBytes, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { readVolume, writeDurably, writeRangeRefusal } from '@/lib/services/host-io';

export const GET = route<{ id: string }>('read', async (request, { id }) => {
  const { offset, length } = readQuery(request, DataReadQuery);
  const bytes = readVolume(getRuntime(), id, offset, length);
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), 'cache-control': 'no-store' },
  });
});

export const PUT = route<{ id: string }>('operate', async (request, { id }) => {
  const { offset } = readQuery(request, DataWriteQuery);
  const runtime = getRuntime();
  const refusal = writeRangeRefusal(runtime, id, offset, Number(request.headers.get('content-length') ?? Number.NaN));
  if (refusal !== null) throw refusal;
  await writeDurably(runtime, id, offset, await readBodyBytes(request, DATA_REQUEST_BYTES_MAX));
  return noContent();
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods('GET', 'PUT');
