import { CreateTokenBody, TokenQuery } from '@/lib/api/auth-schemas';
import { roleMay } from '@/lib/auth/roles';
import { createToken, lesserRole, listTokens } from '@/lib/auth/tokens';
import { ApiError } from '@/lib/http/api-error';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';

/** Your own tokens; an admin may ask for everyone's with ?all=true. */
export const GET = route('self', async (request, _params, { principal }) => {
  const { all } = readQuery(request, TokenQuery);
  if (all === 'true' && !roleMay(principal.role, 'admin')) throw new ApiError(403, `your role (${principal.role}) may not list other users' tokens: it needs an admin`);
  return jsonResponse(await listTokens(getRuntime().db, all === 'true' ? undefined : principal.userId));
});

/** Creates a token for yourself, at most your own role; the secret is in this answer and nowhere else. */
export const POST = route('self', async (request, _params, { principal }) => {
  const body = await readJson(request, CreateTokenBody);
  if (body.role !== undefined && lesserRole(body.role, principal.role) !== body.role) {
    throw new ApiError(403, `a token cannot carry more than your own role (${principal.role})`);
  }
  // A token minted with a token carries no more than that token: else a capped (say monitor) token
  // could mint an uncapped one with its owner's full role.
  const role = body.role ?? (principal.via === 'token' ? principal.role : undefined);
  const { token, secret } = await createToken(getRuntime().db, principal.userId, body.name, role, body.expiresInDays);
  return jsonResponse({ ...token, secret }, 201);
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
