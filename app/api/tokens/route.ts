import { CreateTokenBody, TokenQuery } from '@/lib/api/auth-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createApiToken, listApiTokens } from '@/lib/services/tokens';

/** Your own tokens; an admin may ask for everyone's with ?all=true. */
export const GET = route('self', async (request, _params, { principal }) => {
  const { all } = readQuery(request, TokenQuery);
  return jsonResponse(await listApiTokens(getRuntime(), principal, all === 'true'));
});

/** Creates a token for yourself, at most your own role; the secret is in this answer and nowhere else. */
export const POST = route('self', async (request, _params, { principal }) => {
  const body = await readJson(request, CreateTokenBody);
  return jsonResponse(await createApiToken(getRuntime(), principal, body), 201);
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
