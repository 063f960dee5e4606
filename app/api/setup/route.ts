// First-run setup: open only while the console has no user at all.
import { SetupBody } from '@/lib/api/auth-schemas';
import { isHttps } from '@/lib/auth/address';
import { sessionCookies, withCookies } from '@/lib/auth/cookies';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, publicRoute } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { needsSetup, setUp } from '@/lib/services/session';

export const GET = publicRoute(async () => jsonResponse({ needed: await needsSetup(getRuntime()) }));

export const POST = publicRoute(async (request, _params, ctx) => {
  const { username, password } = await readJson(request, SetupBody);
  ctx.audit.claimedUser = username;
  const { user, session } = await setUp(getRuntime(), username, password, ctx.address, request.headers.get('user-agent') ?? '');
  return withCookies(jsonResponse({ ...user, csrfToken: session.csrfToken }, 201), sessionCookies(session.cookieValue, session.csrfToken, isHttps(request)));
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
