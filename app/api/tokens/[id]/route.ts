import { noContent } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { revokeApiToken } from '@/lib/services/tokens';

/** Revokes a token at once (its live feeds too). Your own, or anyone's for an admin. */
export const DELETE = route<{ id: string }>('self', async (_request, { id }, { principal }) => {
  await revokeApiToken(getRuntime(), principal, id);
  return noContent();
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods('DELETE');
