import { UpdateUserBody } from '@/lib/api/auth-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { deleteUser, updateUser } from '@/lib/services/users';

export const PATCH = route<{ id: string }>('admin', async (request, { id }) => {
  const change = await readJson(request, UpdateUserBody);
  return jsonResponse(await updateUser(getRuntime(), id, change));
});

export const DELETE = route<{ id: string }>('admin', async (_request, { id }) => jsonResponse(await deleteUser(getRuntime(), id)));

export const { OPTIONS, GET, POST, PUT } = otherMethods('PATCH', 'DELETE');
