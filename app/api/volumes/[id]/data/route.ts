import { DataReadQuery, DataWriteQuery } from '@/lib/api/copy-schemas';
import { noContent } from '@/lib/http/json';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { readVolume, writeVolume } from '@/lib/services/host-io';

export const GET = route<{ id: string }>('read', async (request, { id }) => {
  const { offset, length } = readQuery(request, DataReadQuery);
  const bytes = readVolume(getRuntime(), id, offset, length);
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), 'cache-control': 'no-store' },
  });
});

export const PUT = route<{ id: string }>('operate', async (request, { id }) => {
  const { offset } = readQuery(request, DataWriteQuery);
  await writeVolume(getRuntime(), id, offset, request);
  return noContent();
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods('GET', 'PUT');
