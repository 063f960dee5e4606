import { CreateUserBody } from '@/lib/api/auth-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createUser, listUsers } from '@/lib/services/users';

export const GET = route('admin', async () => jsonResponse(await listUsers(getRuntime())));

export const POST = route('admin', async (request) => {
  const { username, password, role } = await readJson(request, CreateUserBody);
  return jsonResponse(await createUser(getRuntime(), username, password, role), 201);
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
