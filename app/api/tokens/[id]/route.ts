import { roleMay } from '@/lib/auth/roles';
import { ApiError } from '@/lib/http/api-error';
import { noContent } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { disconnectRoom, tokenRoom } from '@/lib/realtime/socket-server';
import { getRuntime } from '@/lib/runtime';

/** Revokes a token at once (its live feeds too). Your own, or anyone's for an admin. */
export const DELETE = route<{ id: string }>('self', async (_request, { id }, { principal }) => {
  const runtime = getRuntime();
  const token = await runtime.db.apiToken.findUnique({ where: { id } });
  // Someone else's token is "not found" to a non-admin: its existence is not theirs to learn.
  if (!token || (token.userId !== principal.userId && !roleMay(principal.role, 'admin'))) throw new ApiError(404, `no API token ${id}`);
  await runtime.db.apiToken.delete({ where: { id } });
  disconnectRoom(runtime.io, tokenRoom(id));
  return noContent();
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods('DELETE');
