import { ChangePasswordBody } from '@/lib/api/auth-schemas';
import { noContent } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { changeOwnPassword } from '@/lib/services/users';

/** Changes your own password; your other sessions end, this one stays. */
export const PUT = route('self', async (request, _params, { principal }) => {
  const { currentPassword, newPassword } = await readJson(request, ChangePasswordBody);
  await changeOwnPassword(getRuntime(), principal.userId, currentPassword, newPassword, principal.sessionId);
  return noContent();
});

export const { OPTIONS, GET, POST, PATCH, DELETE } = otherMethods('PUT');
