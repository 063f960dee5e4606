// The signed-in user for server components (layouts, pages), from the same session cookie the API
// reads. Pages call this; API routes go through lib/http/route.ts.
import { headers } from 'next/headers';
import { getNode } from '../runtime';
import { authenticate, type Principal } from './principal';

export async function pageSession(): Promise<Principal | null> {
  const runtime = getNode();
  const cookie = (await headers()).get('cookie');
  // Pages never take bearer tokens: a browser tab is always a session.
  return authenticate(runtime.db, runtime.auth.sessionSecret, { authorization: null, cookie });
}
