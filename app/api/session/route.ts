import { SignInBody, SignOutQuery } from '@/lib/api/auth-schemas';
import { isHttps } from '@/lib/auth/address';
import { clearedCookies, sessionCookies, withCookies } from '@/lib/auth/cookies';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, publicRoute, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { signIn, signOut } from '@/lib/services/session';

export const GET = route('self', async (_request, _params, { principal }) =>
  jsonResponse({
    id: principal.userId,
    username: principal.username,
    role: principal.role,
    via: principal.via,
    ...(principal.tokenName ? { tokenName: principal.tokenName } : {}),
  }),
);

export const POST = publicRoute(async (request, _params, ctx) => {
  const { username, password } = await readJson(request, SignInBody);
  ctx.audit.claimedUser = username;
  const { user, session } = await signIn(getRuntime(), username, password, ctx.address, request.headers.get('user-agent') ?? '');
  return withCookies(jsonResponse({ ...user, csrfToken: session.csrfToken }), sessionCookies(session.cookieValue, session.csrfToken, isHttps(request)));
});

export const DELETE = route('self', async (request, _params, { principal }) => {
  const { everywhere } = readQuery(request, SignOutQuery);
  const ended = await signOut(getRuntime(), principal, everywhere === 'true');
  return withCookies(jsonResponse({ endedSessions: ended }), clearedCookies(isHttps(request)));
});

export const { OPTIONS, PUT, PATCH } = otherMethods('GET', 'POST', 'DELETE');
