import { CopyQuery, CreateCopyBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createCopy, listCopies } from '@/lib/services/copies';

export const GET = route(async (request) => jsonResponse(listCopies(getRuntime().engine, readQuery(request, CopyQuery))));

export const POST = route(async (request) => {
  const input = await readJson(request, CreateCopyBody);
  const copy = await createCopy(getRuntime(), input, { name: 'console' });
  return jsonResponse(copy, 201, { location: `/api/copies/${copy.id}` });
});
