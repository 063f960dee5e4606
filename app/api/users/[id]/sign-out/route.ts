import { endUserSessions } from '@/lib/auth/sessions';
import { ApiError } from '@/lib/http/api-error';
import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { disconnectRoom, userRoom } from '@/lib/realtime/socket-server';
import { getRuntime } from '@/lib/runtime';

/** Signs a user out of every browser (their API tokens stay; revoke those separately). */
export const POST = route<{ id: string }>('admin', async (_request, { id }) => {
  const runtime = getRuntime();
  if (!(await runtime.db.user.findUnique({ where: { id } }))) throw new ApiError(404, `no user ${id}`);
  const ended = await endUserSessions(runtime.db, id);
  disconnectRoom(runtime.io, userRoom(id));
  return jsonResponse({ endedSessions: ended });
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
