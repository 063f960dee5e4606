import { CopyQuery, CreateCopyBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createCopy, listCopies } from '@/lib/services/copies';

export const GET = route('read', async (request) => jsonResponse(listCopies(getRuntime(), readQuery(request, CopyQuery))));

export const POST = route('operate', async (request, _params, { actor }) => {
  const input = await readJson(request, CreateCopyBody);
  const copy = await createCopy(getRuntime(), input, actor);
  return jsonResponse(copy, 201, { location: `/api/copies/${copy.id}` });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
