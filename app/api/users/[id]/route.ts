import { UpdateUserBody } from '@/lib/api/auth-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { disconnectRoom, userRoom } from '@/lib/realtime/socket-server';
import { getRuntime } from '@/lib/runtime';
import { deleteUser, updateUser } from '@/lib/services/users';

export const PATCH = route<{ id: string }>('admin', async (request, { id }) => {
  const change = await readJson(request, UpdateUserBody);
  const runtime = getRuntime();
  const user = await updateUser(runtime.db, id, change);
  // Live feeds reconnect and are re-authorized with the new role (or end, after a password change).
  disconnectRoom(runtime.io, userRoom(id));
  return jsonResponse(user);
});

export const DELETE = route<{ id: string }>('admin', async (_request, { id }) => {
  const runtime = getRuntime();
  const user = await deleteUser(runtime.db, id);
  disconnectRoom(runtime.io, userRoom(id));
  return jsonResponse(user);
});

export const { OPTIONS, GET, POST, PUT } = otherMethods('PATCH', 'DELETE');
